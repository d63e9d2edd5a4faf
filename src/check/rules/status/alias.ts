import { normaliseStatus } from '../../../documents/vocabulary.js';
import { declarations, taskLabel } from '../../declarations.js';
import { documentPlace, linePlace, sourcePlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'status/alias',
    severity: 'warning',
    description: 'A status written as an accepted alias (`wip`, `completed` on a task, `in-progress`, …).',
    docs:
      'Aliases are accepted and normalised (a task\'s `wip` counts as `in_progress`, a workplan\'s `done` as `completed`), ' +
      'but tools that read the files directly see the alias. The rule applies to the status vocabulary of every kind: ' +
      'tasks (in blocks, front-matter lists, both declarations of a task declared twice, and task files), workplans, ' +
      'goals, interface changes and decisions; a canonical value in other letter case (`Done`) is an alias too. It reports ' +
      'the status value. `--fix` writes the canonical value in place, keeping quoting, comments and line endings.',
    fixable: true,
    messages: {
      document: 'Unexpected {{kind}} status alias `{{alias}}`, expected `{{value}}`',
      task: 'Unexpected task status alias `{{alias}}` on `{{task}}`, expected `{{value}}`',
    },
  },
  (ctx) => {
    const { lines, text } = ctx;
    for (const doc of ctx.result.documents) {
      const region = doc.frontmatter;
      if (doc.kind !== 'task' && doc.valid && region && doc.status_raw !== null) {
        const { value, alias } = normaliseStatus(doc.kind, doc.status_raw);
        if (alias && value !== null) {
          ctx.report({
            at: documentPlace(lines, doc, ['status']),
            messageId: 'document',
            data: { kind: doc.kind, alias: doc.status_raw, value },
            subject: `${doc.id ?? ''}:${doc.status_raw}`,
            fix: (fixer) => fixer.setYamlValueInRegion(text, { kind: 'frontmatter', region }, ['status'], value),
          });
        }
      }
      for (const task of doc.tasks) {
        for (const { source, status_raw: raw, line, column } of declarations(task)) {
          if (raw === null) continue;
          const { value, alias } = normaliseStatus('task', raw);
          if (!alias || value === null) continue;
          ctx.report({
            at: sourcePlace(lines, doc, source, ['status'], linePlace(lines, line, column)),
            messageId: 'task',
            data: { alias: raw, task: taskLabel(task), value },
            subject: `${taskLabel(task)}:${raw}`,
            fix: (fixer) => fixer.setTaskField(text, source, doc.frontmatter, 'status', value),
          });
        }
      }
    }
  },
);
