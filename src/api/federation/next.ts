// `GET /v1/next?repo=&as=`: the CLI's `next` (../next.ts) over the federation — the first task to take, in
// dispatch order, by the same src/dispatch code; its item is the snapshot's task detail plus the
// workstream, the workplan and readiness recomputed across every source.
import { firstReady } from '../../dispatch/next.js';
import { assessQueue } from '../../dispatch/queue.js';
import { WORKABLE_STATUSES } from '../../dispatch/readiness.js';
import { placeInQueue, type NextTask } from '../next.js';
import { findRepo } from './repos.js';
import type { FederatedTask, FederatedView } from './types.js';

export interface FederatedNextOptions {
  repo?: string;
  source?: string;
  /** The agent asking (its own in_progress tasks first). */
  as?: string;
  includeHuman?: boolean;
}

/** The CLI's next task (../next.ts), plus where it comes from and who holds it. */
export type FederatedNextTask = NextTask & Pick<FederatedTask, 'source' | 'assignee'>;

export interface FederatedNextDocument {
  schema_version: 1;
  kind: 'next';
  task: FederatedNextTask | null;
}

export function federatedNext(view: FederatedView, options: FederatedNextOptions = {}): FederatedNextDocument {
  const repo = options.repo === undefined ? null : findRepo(view, options.repo, options.source);
  const candidates = view.tasks.filter(
    (t) =>
      t.status !== null &&
      WORKABLE_STATUSES.has(t.status) &&
      (repo === null || (t.repo === repo.slug && view.sourceOf.get(t.row_id) === repo.source)),
  );
  const includeHuman = options.includeHuman === true;
  // assessQueue sorts in dispatch order; firstReady walks it as the CLI walks its SQL candidates,
  // proposing only work to take: `as`'s own in_progress tasks, then todo tasks nobody else holds.
  const ordered = assessQueue(candidates, view.catalog, view.lookup, { includeHuman });
  const entry = firstReady(ordered, view.lookup, { includeHuman, as: options.as });
  if (entry === null) return { schema_version: 1, kind: 'next', task: null };
  return { schema_version: 1, kind: 'next', task: { ...view.taskAt.get(entry.task.row_id)!, ...placeInQueue(entry) } };
}
