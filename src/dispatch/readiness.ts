// Readiness, as DESIGN defines it, failing closed: a task is ready only when everything that
// could hold it back is known to be clear. Pure: dependencies are answered by a lookup function.
import type { Assessment, BlockedBy, DependencyLookup, QueueTask, Workstream } from './types.js';

/** Statuses an agent may take a task in. */
export const WORKABLE_STATUSES: ReadonlySet<string> = new Set(['todo', 'in_progress']);
/** Statuses dispatch lists as pending work. */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(['todo', 'in_progress', 'blocked']);

/**
 * The id a dependency resolves to and its declarations: looked up as written, then (for a task of
 * a workplan) as `<workplan id>-<dependency>`. No declaration: the id as written, unknown.
 */
export function resolveDependency<T>(
  dependency: string,
  task: Pick<QueueTask, 'workplan_id'>,
  lookup: (id: string) => readonly T[],
): { id: string; targets: readonly T[] } {
  const targets = lookup(dependency);
  if (targets.length === 0 && task.workplan_id !== null) {
    const qualified = `${task.workplan_id}-${dependency}`;
    const found = lookup(qualified);
    if (found.length > 0) return { id: qualified, targets: found };
  }
  return { id: dependency, targets };
}

/**
 * What holds a dependency back, or null when it is done. An id declared twice is `ambiguous`
 * even if both declarations are done: nobody can say which one was meant.
 */
export function dependencyBlock(dependency: string, task: Pick<QueueTask, 'workplan_id'>, lookup: DependencyLookup): BlockedBy | null {
  const { id, targets } = resolveDependency(dependency, task, lookup);
  if (targets.length === 0) return { id, reason: 'unknown', status: null };
  if (targets.length > 1) return { id, reason: 'ambiguous', status: null };
  const { status } = targets[0];
  if (status === 'done') return null;
  if (status === 'cancelled') return { id, reason: 'cancelled', status };
  return { id, reason: 'not-done', status };
}

/** Every dependency that is not done, in the order written, each resolved id once. */
export function blockedBy(task: Pick<QueueTask, 'workplan_id' | 'depends_on'>, lookup: DependencyLookup): BlockedBy[] {
  const blocks: BlockedBy[] = [];
  const seen = new Set<string>();
  for (const dependency of task.depends_on) {
    const block = dependencyBlock(dependency, task, lookup);
    if (block === null || seen.has(block.id)) continue;
    seen.add(block.id);
    blocks.push(block);
  }
  return blocks;
}

/** True when the workstream lets its tasks be worked on: an active, valid workplan or the backlog. */
export function workstreamOpen(workstream: Workstream): boolean {
  if (workstream.kind === 'backlog') return true;
  if (workstream.kind === 'unresolved') return false;
  return workstream.workplan.valid && workstream.workplan.status === 'active';
}

/**
 * A task an agent could be told to take: it can be named on the command line (an id, and not
 * one its own repo declares twice, where even `repo:id` would be ambiguous).
 */
export function addressable(task: Pick<QueueTask, 'id' | 'repo'>, lookup: DependencyLookup): boolean {
  if (task.id === null) return false;
  return lookup(task.id).filter((target) => target.repo === task.repo).length === 1;
}

export interface AssessOptions {
  /** Treat `needs_human` tasks like any other (for `next --include-human`). */
  includeHuman?: boolean;
}

/** Ready or not, and every dependency that holds the task back. */
export function assessTask(task: QueueTask, workstream: Workstream, lookup: DependencyLookup, options: AssessOptions = {}): Assessment {
  const blocked_by = blockedBy(task, lookup);
  const ready =
    blocked_by.length === 0 &&
    task.status !== null &&
    WORKABLE_STATUSES.has(task.status) &&
    task.doc_valid &&
    (options.includeHuman === true || !task.needs_human) &&
    workstreamOpen(workstream) &&
    addressable(task, lookup);
  return { ready, blocked_by };
}
