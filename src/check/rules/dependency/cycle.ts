import { findCycles } from '../../cycles.js';
import { dependencyPath, relatedPlace } from '../../dependencies.js';
import { workspaceRule } from '../../rule.js';

export const rule = workspaceRule(
  {
    id: 'dependency/cycle',
    severity: 'error',
    description: 'A dependency cycle; the message lists the cycle.',
    docs:
      'Tasks that depend on each other in a circle can never become ready. Cycles are found across files and repos ' +
      '(a dependency on a duplicated id follows every task with that id). Each task on a cycle is reported once, at ' +
      'the `depends_on` entry that continues the cycle, and the message gives the shortest cycle through that task as ' +
      'a path of ids starting and ending with it (`A → B → C → A`); the other tasks of the path are related places. ' +
      'Reporting every member (rather than one of them) means checking any one file of the cycle shows it. A task ' +
      'depending on itself is a cycle of one (`A → A`).',
    fixable: false,
    messages: { cycle: 'Dependency cycle: {{cycle}}' },
  },
  (ctx) => {
    for (const { member, path, dependencyIndex } of findCycles(ctx.view, ctx.scopeTasks)) {
      const scope = member.scope!;
      const ids = path.map((t) => t.id ?? '(no id)');
      ctx.report({
        target: { ...scope, path: dependencyPath(scope.task.fields, dependencyIndex) },
        messageId: 'cycle',
        data: { cycle: ids.join(' → ') },
        subject: `${member.id ?? ''}:${[...new Set(ids)].sort().join(',')}`,
        related: path.slice(1, -1).map((t) => relatedPlace(t, `task \`${t.id}\``)),
      });
    }
  },
);
