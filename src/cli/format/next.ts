// The task `next` answers with: what `task show` prints, plus its workstream and readiness.
import type { QueueEntry } from '../../dispatch/queue.js';
import { workstreamId } from '../../dispatch/workstreams.js';
import type { TaskRow } from '../../index/queries/tasks.js';
import type { Colors } from '../output.js';
import { taskDetail } from './task.js';

export function nextTask(row: TaskRow, entry: QueueEntry) {
  const ws = entry.workstream;
  return {
    ...taskDetail(row),
    workstream: workstreamId(ws),
    workplan:
      ws.kind === 'workplan'
        ? { id: ws.workplan.id, title: ws.workplan.title, status: ws.workplan.status, repo_slug: ws.workplan.repo, file: ws.workplan.file }
        : null,
    ready: entry.ready,
    blocked_by: entry.blocked_by,
  };
}

export type NextTask = ReturnType<typeof nextTask>;

export function nextTaskLines(task: NextTask, color: Colors): string[] {
  const lines = [
    `${color.bold(task.id ?? '(no id)')}  ${task.title}`,
    `${task.status}, priority ${task.priority}${task.needs_human ? ', needs a human' : ''}  ${color.dim(`(${task.workstream})`)}`,
    `${task.repo_slug}/${task.file}:${task.line}-${task.end_line}`,
  ];
  if (task.description) lines.push('', task.description);
  // Criteria the description already shows are not repeated.
  const range = task.description_lines as [number, number] | null;
  const criteria = (task.acceptance_criteria as { text: string; checked: boolean; line: number }[]).filter(
    (c) => !task.description || !range || c.line < range[0] || c.line > range[1],
  );
  if (criteria.length) {
    lines.push('', 'Acceptance criteria:');
    for (const c of criteria) lines.push(`  [${c.checked ? 'x' : ' '}] ${c.text}`);
  }
  const ref = `${task.repo_slug}:${task.id}`;
  const hint = task.status === 'todo' ? `claim it: custodian task status ${ref} in_progress --if-status todo` : `when done: custodian task status ${ref} done`;
  lines.push('', color.dim(hint));
  return lines;
}
