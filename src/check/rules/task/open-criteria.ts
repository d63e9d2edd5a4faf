import { taskLabel } from '../../declarations.js';
import { linePlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'task/open-criteria',
    severity: 'warning',
    description: 'A `done` task with unchecked acceptance criteria.',
    docs:
      'A task\'s acceptance criteria are the GitHub task-list checkboxes of its description (those under an ' +
      '"Acceptance criteria" heading or label when there is one). A task whose status is `done` (or an alias of it) with ' +
      'any `- [ ]` box left is reported once, at the first unchecked box, with the count; the other unchecked boxes are ' +
      'listed as related places. Tick the boxes, or reopen the task. `task.acceptance_criteria` in the parse output is ' +
      'what the rule reads.',
    fixable: false,
    messages: { unchecked: 'Task `{{task}}` is done but {{open}} of {{total}} acceptance criteria {{verb}} unchecked' },
  },
  (ctx) => {
    const { lines } = ctx;
    for (const doc of ctx.result.documents) {
      for (const task of doc.tasks) {
        if (task.status !== 'done') continue;
        const open = task.acceptance_criteria.filter((c) => !c.checked);
        if (open.length === 0) continue;
        const places = open.map((c) => checkboxPlace(c.line));
        ctx.report({
          at: places[0],
          messageId: 'unchecked',
          data: { task: taskLabel(task), open: open.length, total: task.acceptance_criteria.length, verb: open.length === 1 ? 'is' : 'are' },
          subject: taskLabel(task),
          related: places.slice(1).map((p) => ({ file: ctx.file, line: p.line, column: p.column, message: 'unchecked' })),
        });
      }
    }

    function checkboxPlace(line: number) {
      const at = lines.lineText(line).indexOf('[ ]');
      if (at < 0) return linePlace(lines, line);
      return { line, column: at + 1, end_line: line, end_column: at + 4 };
    }
  },
);
