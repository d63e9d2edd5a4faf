// The human views of `workplan list` and `workplan show`, from their documents. Both count a
// workplan's tasks the same way and say so: closed (done or cancelled) of all declared in it.
import type { WorkplanDocument, WorkplanItem, WorkplanListDocument } from '../../api/workplans.js';
import type { Colors } from '../output.js';
import { taskLine } from './task.js';

/** `3/5`: closed tasks (done or cancelled) of all the tasks the workplan declares. */
export function closedOfTotal(item: WorkplanItem): string {
  const c = item.task_counts;
  return `${c.done + c.cancelled}/${c.total}`;
}

function statusText(item: WorkplanItem): string {
  if (!item.valid) return 'invalid';
  return item.status ?? `?${item.status_raw}`;
}

/** A broken file has no id or title to show: its row names the file, so it can be found and fixed. */
function titleText(item: WorkplanItem): string {
  if (!item.valid) return `(front-matter does not parse: ${item.file})`;
  return item.title ?? '';
}

export function workplanListLines(doc: WorkplanListDocument, color: Colors): string[] {
  const items = doc.items;
  if (items.length === 0) return ['no workplans'];
  const rows = items.map((i) => [i.id ?? '(no id)', statusText(i), closedOfTotal(i), i.repo_slug, titleText(i)]);
  const header = ['ID', 'STATUS', 'CLOSED', 'REPO', 'TITLE'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col === 4 ? cell : col === 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  return [
    color.bold(line(header)),
    ...rows.map((r, n) => (items[n].valid ? line(r) : color.yellow(line(r)))),
    color.dim('CLOSED: tasks done or cancelled, of all the tasks each workplan declares'),
  ];
}

export function workplanShowLines({ workplan }: WorkplanDocument, color: Colors): string[] {
  const width = Math.max(0, ...workplan.tasks.map((t) => (t.id ?? '(no id)').length));
  const c = workplan.task_counts;
  return [
    `${color.bold(workplan.id ?? '(no id)')}  ${titleText(workplan)}`,
    `status ${statusText(workplan)}, ${closedOfTotal(workplan)} tasks closed (${c.done} done, ${c.cancelled} cancelled)  ${color.dim(`${workplan.repo_slug}/${workplan.file}`)}`,
    '',
    ...workplan.tasks.map((t) => `  ${taskLine(t, color, width)}`),
  ];
}
