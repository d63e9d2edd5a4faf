import type { ParsedDocument, TextEdit } from '../../../documents/model.js';
import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';
import type { Fixer } from '../../types.js';

const CLOSED = new Set(['done', 'cancelled']);

export const rule = fileRule(
  {
    id: 'workplan/status-rollup',
    severity: 'warning',
    description: 'A `completed` workplan with open tasks, or an `active` one whose every task is done or cancelled.',
    docs:
      'A workplan\'s status must agree with its tasks: the tasks declared in it (blocks and front-matter list) plus the ' +
      'task files anywhere in the workspace that name it with `workplan:` (`custodian parse` sees only the file itself). ' +
      'A `completed` workplan with a task that is not done or cancelled (a task with an unknown status counts as open) is ' +
      'reported, listing the open tasks; so is an `active` workplan (a workplan without `status` is active) whose every ' +
      'task is done or cancelled. A workplan with no tasks is never reported, and other statuses (`draft`, `blocked`, ' +
      '`cancelled`) are left alone. The diagnostic sits at the `status` value (at the `id` when there is no status). ' +
      '`--fix` only closes: `active` → `completed`, adding `completed:` with today\'s UTC date when the key is missing ' +
      '(a completed workplan with open tasks needs a person to decide).',
    fixable: true,
    messages: {
      completedWithOpenTasks: 'Workplan `{{id}}` is completed but {{open}} of {{total}} tasks {{verb}} open: {{listed}}',
      activeAllClosed: 'Workplan `{{id}}` is active but all {{total}} of its tasks are done or cancelled: expected `completed`',
    },
  },
  (ctx) => {
    for (const doc of ctx.result.documents) {
      if (doc.kind !== 'workplan' || !doc.valid || !doc.frontmatter || doc.id === null) continue;
      if (doc.status !== 'active' && doc.status !== 'completed') continue;
      const statuses: { id: string; status: string | null }[] = doc.tasks.map((t) => ({ id: t.id ?? t.local_id ?? '(no id)', status: t.status }));
      for (const entry of ctx.tasksNamingWorkplan(doc.id)) statuses.push({ id: entry.id ?? '(no id)', status: entry.status });
      if (statuses.length === 0) continue;
      const open = statuses.filter((t) => t.status === null || !CLOSED.has(t.status));
      const at = documentPlace(ctx.lines, doc, [doc.status_raw === null ? 'id' : 'status']);
      if (doc.status === 'completed' && open.length > 0) {
        const listed = open.slice(0, 5).map((t) => `\`${t.id}\` (${t.status ?? 'unknown status'})`).join(', ');
        ctx.report({
          at,
          messageId: 'completedWithOpenTasks',
          data: { id: doc.id, open: open.length, total: statuses.length, verb: open.length === 1 ? 'is' : 'are', listed: `${listed}${open.length > 5 ? ', …' : ''}` },
          subject: `${doc.id}:completed-with-open-tasks`,
        });
      } else if (doc.status === 'active' && open.length === 0) {
        ctx.report({
          at,
          messageId: 'activeAllClosed',
          data: { id: doc.id, total: statuses.length },
          subject: `${doc.id}:active-all-closed`,
          fix: (fixer) => closeWorkplan(fixer, ctx.text, doc, ctx.today),
        });
      }
    }
  },
);

/**
 * `status: completed`, plus `completed: <today>` after it when the workplan has no completion
 * date: composed on the front-matter text and handed back as one edit, so a workplan with
 * neither key gets both in one pass (two insertions at one point would collide).
 */
function closeWorkplan(fixer: Fixer, text: string, doc: ParsedDocument, today: string): TextEdit[] {
  const { applyEdits, dominantEol, replacementEdits, shiftEdits, yamlSetValue } = fixer;
  const region = doc.frontmatter!;
  const eol = dominantEol(text);
  const before = text.slice(region.start, region.end);
  let yaml = applyEdits(before, yamlSetValue(before, ['status'], 'completed', { after: 'id', eol })).text;
  const completed = doc.fields.completed;
  if (completed === undefined || completed === null || completed === '') {
    yaml = applyEdits(yaml, yamlSetValue(yaml, ['completed'], today, { after: 'status', eol })).text;
  }
  return shiftEdits(replacementEdits(before, yaml), region.start);
}
