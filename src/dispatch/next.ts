// The ready tasks of an ordered walk that `next` may propose. The walk (SQL in
// src/index/queries/dispatch-next.ts) promises dispatch order; this checks the promise as it goes,
// so a disagreement between the SQL and src/dispatch/order.ts is reported instead of answering
// with the wrong task.
import { compareKeys, queueKey, type QueueKey } from './order.js';
import { proposedTo } from './proposal.js';
import type { QueueEntry } from './queue.js';
import { assessTask, type AssessOptions } from './readiness.js';
import type { DependencyLookup, QueueTask, Workstream } from './types.js';

export class OrderViolation extends Error {
  constructor(readonly before: QueueKey, readonly after: QueueKey) {
    super('candidates are not in dispatch order');
  }
}

export interface NextOptions extends AssessOptions {
  /** The agent asking: its own in_progress tasks come first (see proposal.ts). */
  as?: string;
}

/** Every ready task of the walk that may be proposed to `options.as`, first to take first. */
export function* readyProposals(
  candidates: Iterable<{ task: QueueTask; workstream: Workstream }>,
  lookup: DependencyLookup,
  options: NextOptions = {},
): Generator<QueueEntry> {
  let previous: QueueKey | null = null;
  for (const { task, workstream } of candidates) {
    const key = queueKey(task, workstream);
    if (previous !== null && compareKeys(previous, key) > 0) throw new OrderViolation(previous, key);
    previous = key;
    if (!proposedTo(task, options.as)) continue;
    const assessment = assessTask(task, workstream, lookup, options);
    if (assessment.ready) yield { task, workstream, key, ...assessment };
  }
}

export function firstReady(
  candidates: Iterable<{ task: QueueTask; workstream: Workstream }>,
  lookup: DependencyLookup,
  options: NextOptions = {},
): QueueEntry | null {
  for (const entry of readyProposals(candidates, lookup, options)) return entry;
  return null;
}
