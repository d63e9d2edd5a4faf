// The human views of `task list` and `task show`, from their documents.
import type { TaskStatusDocument } from '../../api/task-status.js';
import type { TaskDocument, TaskListDocument } from '../../api/tasks.js';
import type { TaskItem } from '../../api/items/task.js';
import type { Colors } from '../output.js';

const STATUS_MARK: Record<string, string> = { todo: ' ', in_progress: '~', blocked: '!', done: 'x', cancelled: '-' };

export function taskLine(task: TaskItem, color: Colors, idWidth: number): string {
  const status = task.status ?? `?${task.status_raw}`;
  const mark = STATUS_MARK[task.status ?? ''] ?? '?';
  const paint = task.status === 'done' || task.status === 'cancelled' ? color.dim : task.status === 'blocked' ? color.yellow : (s: string) => s;
  const holder = task.assignee === null ? '' : `  ${color.dim(`@${task.assignee}`)}`;
  return paint(`[${mark}] ${(task.id ?? '(no id)').padEnd(idWidth)}  ${status.padEnd(11)}  ${task.priority.padEnd(8)}  ${task.title}`) + holder;
}

/** The tasks grouped under their repo's name. */
export function taskListLines(doc: TaskListDocument, color: Colors): string[] {
  const width = Math.max(0, ...doc.items.map((t) => (t.id ?? '(no id)').length));
  let repo = '';
  const lines: string[] = [];
  for (const task of doc.items) {
    if (task.repo_slug !== repo) {
      if (repo) lines.push('');
      lines.push(color.bold(task.repo_slug));
      repo = task.repo_slug;
    }
    lines.push(`  ${taskLine(task, color, width)}`);
  }
  return lines.length ? lines : ['no tasks'];
}

/** Keys the first lines of `task show` already state; every other key of the task is listed as written. */
const SHOWN_KEYS = new Set(['id', 'title', 'name', 'status', 'priority', 'depends_on', 'needs_human', 'assignee', 'workplan', 'type']);

/** Everything `task show --json` holds, for people: the holder, the other keys (notes, …) and the acceptance criteria too. */
export function taskShowLines({ task }: TaskDocument, color: Colors): string[] {
  const lines = [
    `${color.bold(task.id ?? '(no id)')}  ${task.title}`,
    `status ${task.status ?? `?${task.status_raw}`}, priority ${task.priority}${task.needs_human ? ', needs a human' : ''}${task.assignee === null ? '' : `, held by ${task.assignee}`}`,
    `${task.repo_slug}/${task.file}:${task.line}${task.workplan_id ? `  (workplan ${task.workplan_id})` : ''}`,
  ];
  if (task.depends_on.length) lines.push(`depends on ${task.depends_on.join(', ')}`);
  for (const [key, value] of Object.entries(task.fields)) {
    if (SHOWN_KEYS.has(key) || value === null || value === undefined || value === '') continue;
    lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  if (task.description) lines.push('', task.description);
  const criteria = task.acceptance_criteria;
  if (criteria.length > 0) {
    const checked = criteria.filter((c) => c.checked).length;
    lines.push('', color.bold(`Acceptance criteria (${checked} of ${criteria.length} checked)`));
    for (const c of criteria) lines.push(`  [${c.checked ? 'x' : ' '}] ${c.text}`);
  }
  return lines;
}

/** `APP-WP-1-T01: todo → in_progress  (app/workplans/APP-WP-1.md:12)`. */
export function taskStatusLine({ task, previous_status, changed }: TaskStatusDocument): string {
  const change = changed ? `${previous_status ?? '?'} → ${task.status}` : `already ${task.status}, file unchanged`;
  return `${task.id}: ${change}  (${task.repo_slug}/${task.file}:${task.line})`;
}
