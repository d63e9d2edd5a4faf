// The human views of `workplan list` and `workplan show`, from their documents.
import type { WorkplanDocument, WorkplanListDocument } from '../../api/workplans.js';
import type { Colors } from '../output.js';
import { taskLine } from './task.js';

export function workplanListLines(doc: WorkplanListDocument, color: Colors): string[] {
  const items = doc.items;
  if (items.length === 0) return ['no workplans'];
  const width = Math.max(0, ...items.map((i) => (i.id ?? '(no id)').length));
  return items.map((i) => {
    const c = i.task_counts;
    const progress = `${c.done + c.cancelled}/${c.total}`.padStart(7);
    return `${(i.id ?? '(no id)').padEnd(width)}  ${(i.status ?? `?${i.status_raw}`).padEnd(9)}  ${progress}  ${color.dim(i.repo_slug)}  ${i.title ?? ''}`;
  });
}

export function workplanShowLines({ workplan }: WorkplanDocument, color: Colors): string[] {
  const width = Math.max(0, ...workplan.tasks.map((t) => (t.id ?? '(no id)').length));
  return [
    `${color.bold(workplan.id ?? '(no id)')}  ${workplan.title ?? ''}`,
    `status ${workplan.status ?? `?${workplan.status_raw}`}, ${workplan.task_counts.done}/${workplan.task_counts.total} tasks done  ${color.dim(`${workplan.repo_slug}/${workplan.file}`)}`,
    '',
    ...workplan.tasks.map((t) => `  ${taskLine(t, color, width)}`),
  ];
}
