// Reading typed values out of parsed YAML without trusting it: wrong types become null,
// and `schema/invalid` (a check rule) reports them with positions.
import type { Priority, TaskStatus } from './model.js';
import { normalisePriority, normaliseTaskStatus } from './vocabulary.js';

export type Fields = Record<string, unknown>;

export function isMapping(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text: strings trimmed, numbers spelled as YAML read them. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

export function stringField(fields: Fields, key: string): string | null {
  return Object.hasOwn(fields, key) ? scalarText(fields[key]) : null;
}

/** `depends_on` as written: a list of ids, or one id, or a comma-separated string. */
export function idList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value == null ? [] : [value];
  const ids: string[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text !== null) ids.push(text);
  }
  return ids;
}

const SHORT_ID = /^T\d+$/;

export function isShortId(id: string): boolean {
  return SHORT_ID.test(id);
}

/** A short id (`T01`) qualified with its workplan's id; any other id is global as written. */
export function qualifyTaskId(id: string | null, workplanId: string | null): { id: string | null; local_id: string | null } {
  if (id === null) return { id: null, local_id: null };
  if (!isShortId(id)) return { id, local_id: null };
  return { id: workplanId === null ? null : `${workplanId}-${id}`, local_id: id };
}

export interface TaskValues {
  status: TaskStatus | null;
  status_raw: string | null;
  priority: Priority;
  priority_raw: string | null;
  depends_on: string[];
  needs_human: boolean;
  /** Who holds the task (trimmed; null when absent or empty). */
  assignee: string | null;
}

/** Status, priority, dependencies, needs_human and assignee of a task mapping, with DESIGN's defaults. */
export function taskValues(fields: Fields): TaskValues {
  const statusRaw = rawScalar(fields.status);
  const priorityRaw = rawScalar(fields.priority);
  return {
    status: statusRaw === null ? 'todo' : normaliseTaskStatus(statusRaw).value,
    status_raw: statusRaw,
    priority: (priorityRaw === null ? null : normalisePriority(priorityRaw).value) ?? 'medium',
    priority_raw: priorityRaw,
    depends_on: idList(fields.depends_on),
    needs_human: fields.needs_human === true,
    assignee: stringField(fields, 'assignee'),
  };
}

/** The value as written when it is a scalar (null when absent or empty). */
export function rawScalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}
