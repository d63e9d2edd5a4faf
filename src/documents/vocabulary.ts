// The value vocabularies of DESIGN's "Field values", with their accepted aliases.
import type { DocumentKind, Priority, TaskStatus, WorkplanStatus } from './model.js';

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'];
export const WORKPLAN_STATUSES: readonly WorkplanStatus[] = ['draft', 'active', 'blocked', 'completed', 'cancelled'];
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

const TASK_STATUS_ALIASES: Record<string, TaskStatus> = {
  open: 'todo',
  pending: 'todo',
  'in-progress': 'in_progress',
  doing: 'in_progress',
  wip: 'in_progress',
  wait: 'blocked',
  waiting: 'blocked',
  on_hold: 'blocked',
  completed: 'done',
  complete: 'done',
  closed: 'done',
  canceled: 'cancelled',
  dropped: 'cancelled',
  wontfix: 'cancelled',
};

const WORKPLAN_STATUS_ALIASES: Record<string, WorkplanStatus> = {
  done: 'completed',
  wait: 'blocked',
  in_progress: 'active',
  'in-progress': 'active',
  planned: 'draft',
  todo: 'draft',
};

const OTHER_STATUSES: Record<Exclude<DocumentKind, 'workplan' | 'task'>, readonly string[]> = {
  goal: ['active', 'achieved', 'dropped'],
  'interface-change': ['draft', 'published', 'resolved'],
  decision: ['proposed', 'accepted', 'rejected', 'superseded'],
};

export interface Normalised<T> {
  value: T | null;
  /** True when the raw value is an accepted alias rather than the canonical spelling. */
  alias: boolean;
}

function lookup<T extends string>(raw: string, canonical: readonly T[], aliases: Record<string, T>): Normalised<T> {
  if ((canonical as readonly string[]).includes(raw)) return { value: raw as T, alias: false };
  const key = raw.trim().toLowerCase();
  if ((canonical as readonly string[]).includes(key)) return { value: key as T, alias: true };
  const alias = Object.hasOwn(aliases, key) ? aliases[key] : undefined;
  return alias ? { value: alias, alias: true } : { value: null, alias: false };
}

export function normaliseTaskStatus(raw: string): Normalised<TaskStatus> {
  return lookup(raw, TASK_STATUSES, TASK_STATUS_ALIASES);
}

export function normaliseWorkplanStatus(raw: string): Normalised<WorkplanStatus> {
  return lookup(raw, WORKPLAN_STATUSES, WORKPLAN_STATUS_ALIASES);
}

export function normaliseStatus(kind: DocumentKind, raw: string): Normalised<string> {
  if (kind === 'task') return normaliseTaskStatus(raw);
  if (kind === 'workplan') return normaliseWorkplanStatus(raw);
  return lookup(raw, OTHER_STATUSES[kind], {});
}

export function normalisePriority(raw: string): Normalised<Priority> {
  return lookup(raw, PRIORITIES, {});
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['workplan', 'task', 'goal', 'interface-change', 'decision'];

const FOLDER_KINDS: Record<string, DocumentKind> = {
  tasks: 'task',
  goals: 'goal',
  'interface-changes': 'interface-change',
  decisions: 'decision',
};

/** Without a `type`, the innermost folder named tasks/goals/interface-changes/decisions decides. */
export function kindFromPath(file: string): DocumentKind {
  const parts = file.split(/[\\/]/);
  for (let i = parts.length - 2; i >= 0; i--) {
    const kind = Object.hasOwn(FOLDER_KINDS, parts[i]) ? FOLDER_KINDS[parts[i]] : undefined;
    if (kind) return kind;
  }
  return 'workplan';
}
