import type { ParsedDocument, TextEdit } from '../../../documents/model.js';
import { editEngine } from '../../fix-edits.js';
import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

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
          message: `Workplan \`${doc.id}\` is completed but ${open.length} of ${statuses.length} tasks ${open.length === 1 ? 'is' : 'are'} open: ${listed}${open.length > 5 ? ', …' : ''}`,
          subject: `${doc.id}:completed-with-open-tasks`,
        });
      } else if (doc.status === 'active' && open.length === 0) {
        ctx.report({
          at,
          message: `Workplan \`${doc.id}\` is active but all ${statuses.length} of its tasks are done or cancelled: expected \`completed\``,
          subject: `${doc.id}:active-all-closed`,
          fix: () => closeWorkplan(ctx.text, doc, ctx.today),
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
async function closeWorkplan(text: string, doc: ParsedDocument, today: string): Promise<TextEdit[]> {
  const { applyEdits, dominantEol, replacementEdits, shiftEdits, yamlSetValue } = await editEngine();
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
