// A task as rules see it: each place it is declared (a task declared both in the front-matter
// list and as a block has two), and a label for messages.
import { rawScalar } from '../documents/fields.js';
import type { Task, TaskSource } from '../documents/model.js';

export interface Declaration {
  source: TaskSource;
  fields: Record<string, unknown>;
  status_raw: string | null;
  line: number;
  column: number;
}

export function declarations(task: Task): Declaration[] {
  const own: Declaration = { source: task.source, fields: task.fields, status_raw: task.status_raw, line: task.line, column: task.column };
  if (!task.mirror) return [own];
  const { mirror } = task;
  return [own, { source: mirror.source, fields: mirror.fields, status_raw: mirror.status_raw ?? rawScalar(mirror.fields.status), line: mirror.line, column: 1 }];
}

/** The task's id for messages: qualified when it has one, else as written. */
export function taskLabel(task: Task): string {
  return task.id ?? task.local_id ?? '(no id)';
}
