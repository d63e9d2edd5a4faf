// Who may take a task, decided from what its file says right now (read under the file's lock).
// `taken`: someone else holds it (do not retry); `not-ready`: it is not open work (done, blocked,
// cancelled, needs a human). Claiming a task one already holds changes nothing and succeeds.

export type ClaimRefusal = 'taken' | 'not-ready';

export type ClaimDecision = { kind: 'claim' } | { kind: 'held' } | { kind: 'refuse'; reason: ClaimRefusal };

/** A task's state as its file (or the index) says it. */
export interface HeldState {
  status: string | null;
  assignee: string | null;
}

export function claimDecision(task: HeldState & { needs_human: boolean }, name: string): ClaimDecision {
  if (task.assignee === name && task.status === 'in_progress') return { kind: 'held' };
  if (task.assignee !== null && task.assignee !== name) return { kind: 'refuse', reason: 'taken' };
  // In progress with no assignee: taken before claims named their holder.
  if (task.status === 'in_progress') return { kind: 'refuse', reason: 'taken' };
  if (task.status !== 'todo' || task.needs_human) return { kind: 'refuse', reason: 'not-ready' };
  return { kind: 'claim' };
}

export type ReleaseDecision = { kind: 'release' } | { kind: 'free' } | { kind: 'refuse'; reason: ClaimRefusal };

/** Releasing ends a claim: only an in_progress task (or a todo one someone reserved) goes back to free todo. */
export function releaseDecision(task: HeldState, name: string | undefined): ReleaseDecision {
  if (name !== undefined && task.assignee !== null && task.assignee !== name) return { kind: 'refuse', reason: 'taken' };
  if (task.status === 'todo') return task.assignee === null ? { kind: 'free' } : { kind: 'release' };
  if (task.status === 'in_progress') return { kind: 'release' };
  return { kind: 'refuse', reason: 'not-ready' };
}
