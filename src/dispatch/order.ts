// The dispatch order: in_progress before todo (before blocked), then priority, then the
// workstream's order (by `created`, then id; a missing `created` after any date; the backlog last),
// then position (a workplan's own tasks in file order, then task files by repo and path).
// The SQL of `next` orders candidates by the same key; a test holds the two together.
import type { QueueTask, Workstream } from './types.js';

export const STATUS_RANK: Readonly<Record<string, number>> = { in_progress: 0, todo: 1, blocked: 2 };
export const PRIORITY_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };
const LAST = 9;

export interface QueueKey {
  status: number;
  priority: number;
  /** 1 for a backlog, which comes after every workplan. */
  backlog: number;
  /** 1 when the workplan has no `created`. */
  undated: number;
  created: string;
  workstream: string;
  /** 1 for a task file attached to a workplan: after the workplan's own tasks. */
  in_task_file: number;
  repo: string;
  file: string;
  ordinal: number;
}

export function queueKey(task: QueueTask, workstream: Workstream): QueueKey {
  const workplan = workstream.kind === 'workplan' ? workstream.workplan : null;
  return {
    status: rank(STATUS_RANK, task.status),
    priority: rank(PRIORITY_RANK, task.priority),
    backlog: workstream.kind === 'backlog' ? 1 : 0,
    undated: workplan?.created ? 0 : 1,
    created: workplan?.created ?? '',
    workstream: workplan ? (workplan.id ?? '') : workstream.kind === 'backlog' ? `${workstream.repo}:backlog` : '',
    in_task_file: task.in_task_file ? 1 : 0,
    repo: task.repo,
    file: task.file,
    ordinal: task.ordinal,
  };
}

function rank(table: Readonly<Record<string, number>>, value: string | null): number {
  return value !== null && Object.hasOwn(table, value) ? table[value] : LAST;
}

export function compareKeys(a: QueueKey, b: QueueKey): number {
  return (
    a.status - b.status ||
    a.priority - b.priority ||
    a.backlog - b.backlog ||
    a.undated - b.undated ||
    compareCodePoints(a.created, b.created) ||
    compareCodePoints(a.workstream, b.workstream) ||
    a.in_task_file - b.in_task_file ||
    compareCodePoints(a.repo, b.repo) ||
    compareCodePoints(a.file, b.file) ||
    a.ordinal - b.ordinal
  );
}

/**
 * Compares strings by Unicode code point, the order of their UTF-8 bytes (SQLite's BINARY
 * collation), which differs from UTF-16 order once characters outside the BMP are involved.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointWeight(x) - codePointWeight(y);
  }
  return a.length - b.length;
}

/** Surrogates (0xD800–0xDFFF) stand for code points above 0xFFFF: move them past 0xE000–0xFFFF. */
function codePointWeight(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
