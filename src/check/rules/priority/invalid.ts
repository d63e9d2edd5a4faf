import { rawScalar } from '../../../documents/fields.js';
import { normalisePriority, PRIORITIES } from '../../../documents/vocabulary.js';
import { declarations, taskLabel } from '../../declarations.js';
import { linePlace, sourcePlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'priority/invalid',
    severity: 'warning',
    description: 'A task priority outside `critical`, `high`, `medium`, `low`.',
    docs:
      'A task\'s `priority` must be `critical`, `high`, `medium` or `low` (letter case is ignored). Any other value is ' +
      'reported at the value and the task is ordered as `medium`, the default. Both declarations of a task declared in a ' +
      'front-matter list and a block are checked. Goals are not covered: a goal\'s priority is an integer, and a goal ' +
      'priority that is not one is `schema/invalid`.',
    fixable: false,
    messages: { unexpected: 'Unexpected priority `{{value}}` on `{{task}}`, expected one of {{expected}}' },
  },
  (ctx) => {
    for (const doc of ctx.result.documents) {
      for (const task of doc.tasks) {
        for (const { source, fields, line, column } of declarations(task)) {
          const raw = rawScalar(fields.priority);
          if (raw === null || normalisePriority(raw).value !== null) continue;
          ctx.report({
            at: sourcePlace(ctx.lines, doc, source, ['priority'], linePlace(ctx.lines, line, column)),
            messageId: 'unexpected',
            data: { value: raw, task: taskLabel(task), expected: PRIORITIES.join(', ') },
            subject: `${taskLabel(task)}:${raw}`,
          });
        }
      }
    }
  },
);
