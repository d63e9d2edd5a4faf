// Which ready tasks `next` may propose: work to *take*. A task someone holds is proposed only to
// its holder; everything else open is proposed to anyone. `dispatch` lists every task regardless.
import type { QueueTask } from './types.js';

/**
 * True when `next` may propose the task to the agent `as` (undefined: an agent with no name):
 * an `in_progress` task only to its own assignee, a `todo` task when nobody else holds it.
 */
export function proposedTo(task: Pick<QueueTask, 'status' | 'assignee'>, as: string | undefined): boolean {
  if (task.status === 'in_progress') return as !== undefined && task.assignee === as;
  if (task.status === 'todo') return task.assignee === null || task.assignee === as;
  return false;
}
