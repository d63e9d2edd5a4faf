// The first ready task of an ordered walk. The walk (SQL in src/index/queries/dispatch-next.ts)
// promises dispatch order; this checks the promise as it goes, so a disagreement between the SQL
// and src/dispatch/order.ts is reported instead of answering with the wrong task.
import { compareKeys, queueKey, type QueueKey } from './order.js';
import type { QueueEntry } from './queue.js';
import { assessTask, type AssessOptions } from './readiness.js';
import type { DependencyLookup, QueueTask, Workstream } from './types.js';

export class OrderViolation extends Error {
  constructor(readonly before: QueueKey, readonly after: QueueKey) {
    super('candidates are not in dispatch order');
  }
}

export function firstReady(
  candidates: Iterable<{ task: QueueTask; workstream: Workstream }>,
  lookup: DependencyLookup,
  options: AssessOptions = {},
): QueueEntry | null {
  let previous: QueueKey | null = null;
  for (const { task, workstream } of candidates) {
    const key = queueKey(task, workstream);
    if (previous !== null && compareKeys(previous, key) > 0) throw new OrderViolation(previous, key);
    previous = key;
    const assessment = assessTask(task, workstream, lookup, options);
    if (assessment.ready) return { task, workstream, key, ...assessment };
  }
  return null;
}
