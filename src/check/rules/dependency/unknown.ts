import { dependencyPath, missingDependencies } from '../../dependencies.js';
import { workspaceRule } from '../../rule.js';

export const rule = workspaceRule(
  {
    id: 'dependency/unknown',
    severity: 'error',
    description: 'A dependency that names no task in the workspace.',
    docs:
      'Each entry of a task\'s `depends_on` is looked up as written, then, for a task inside a workplan (or a task ' +
      'file naming one with `workplan:`), as `<workplan id>-<entry>`, so `T01` finds the workplan\'s own `T01`. Task ids ' +
      'are unique across the workspace, so a dependency on a task of any registered repo is valid. An entry that finds ' +
      'no task is reported at its place in the YAML, naming the id; a dispatch blocks the task on it with reason ' +
      '`unknown`. A workplan id is not a task (the message says so: depend on one of its tasks). A dependency on a ' +
      'duplicated id is not unknown (see `task/duplicate-id`). In single-repo mode this rule is replaced by ' +
      '`dependency/unresolved`, since the task may live in a repo the check cannot see, except for a short id (`T9`) ' +
      'of a task declared in a workplan: it can only mean a task of that same workplan, so it is unknown there too.',
    fixable: false,
    messages: {
      noTask: 'Unknown dependency `{{dependency}}` of `{{task}}`: no task in the workspace has this id',
      noLocalTask: 'Unknown dependency `{{dependency}}` of `{{task}}`: a short id names a task of the same workplan, and `{{workplan}}` has no `{{dependency}}`',
      workplan: 'Unknown dependency `{{dependency}}` of `{{task}}`: `{{dependency}}` is a workplan, not a task; depend on one of its tasks',
    },
  },
  (ctx) => {
    for (const { task, index, dependency, local } of missingDependencies(ctx.view, ctx.scopeTasks)) {
      if (!task.scope || (ctx.mode !== 'workspace' && !local)) continue;
      const isWorkplan = ctx.view.documentsWithId('workplan', dependency).length > 0;
      ctx.report({
        target: { ...task.scope, path: dependencyPath(task.scope.task.fields, index) },
        messageId: isWorkplan ? 'workplan' : local ? 'noLocalTask' : 'noTask',
        data: { dependency, task: task.id ?? task.scope.task.local_id ?? '(no id)', workplan: task.workplan_id ?? '' },
        subject: `${task.id ?? ''}->${dependency}`,
      });
    }
  },
);
