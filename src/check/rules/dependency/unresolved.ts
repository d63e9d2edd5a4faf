import { dependencyPath, missingDependencies } from '../../dependencies.js';
import { workspaceRule } from '../../rule.js';

export const rule = workspaceRule(
  {
    id: 'dependency/unresolved',
    severity: 'info',
    description: 'Single-repo mode: a dependency that is not a task of this repo.',
    docs:
      'With no registry (single-repo mode, e.g. in a pre-commit hook of a repo that is not part of a workspace) the ' +
      'check sees one repository, and a dependency on a task of another repo cannot be told from a typo. Such a ' +
      'dependency is reported as information, at its place in the YAML and naming the id, instead of ' +
      '`dependency/unknown`; it does not fail the check. Resolution is the same as `dependency/unknown`\'s. A short id ' +
      '(`T9`) of a task declared in a workplan is never unresolved: it can only mean that workplan\'s own task, so a ' +
      'missing one is `dependency/unknown`. Run the check in the workspace to know for sure.',
    fixable: false,
    messages: { outside: 'Unresolved dependency `{{dependency}}` of `{{task}}`: not a task of this repository (it may live in another repo)' },
  },
  (ctx) => {
    if (ctx.mode !== 'single-repo') return;
    for (const { task, index, dependency, local } of missingDependencies(ctx.view, ctx.scopeTasks)) {
      if (!task.scope || local) continue;
      ctx.report({
        target: { ...task.scope, path: dependencyPath(task.scope.task.fields, index) },
        messageId: 'outside',
        data: { dependency, task: task.id ?? task.scope.task.local_id ?? '(no id)' },
        subject: `${task.id ?? ''}->${dependency}`,
      });
    }
  },
);
