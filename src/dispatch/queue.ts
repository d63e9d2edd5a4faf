// The ready queue: every task assessed against its workstream and dependencies, in dispatch order.
import { compareKeys, queueKey, type QueueKey } from './order.js';
import { assessTask, type AssessOptions } from './readiness.js';
import type { Assessment, DependencyLookup, QueueTask, Workstream } from './types.js';
import { resolveWorkstream, type WorkplanCatalog } from './workstreams.js';

export interface QueueEntry extends Assessment {
  task: QueueTask;
  workstream: Workstream;
  key: QueueKey;
}

/** Every task with its workstream and assessment, sorted in dispatch order. */
export function assessQueue(
  tasks: readonly QueueTask[],
  catalog: WorkplanCatalog,
  lookup: DependencyLookup,
  options: AssessOptions = {},
): QueueEntry[] {
  const entries = tasks.map((task) => {
    const workstream = resolveWorkstream(task, catalog);
    return { task, workstream, key: queueKey(task, workstream), ...assessTask(task, workstream, lookup, options) };
  });
  return entries.sort((a, b) => compareKeys(a.key, b.key));
}

/** The ready tasks, first to take first. */
export function readyQueue(
  tasks: readonly QueueTask[],
  catalog: WorkplanCatalog,
  lookup: DependencyLookup,
  options: AssessOptions = {},
): QueueEntry[] {
  return assessQueue(tasks, catalog, lookup, options).filter((entry) => entry.ready);
}

/** A lookup over the given declarations (every task the answer may depend on). */
export function lookupFrom(declarations: Iterable<{ id: string | null; repo: string; status: string | null }>): DependencyLookup {
  const byId = new Map<string, { repo: string; status: string | null }[]>();
  for (const { id, repo, status } of declarations) {
    if (id === null) continue;
    const same = byId.get(id);
    if (same) same.push({ repo, status });
    else byId.set(id, [{ repo, status }]);
  }
  return (id) => byId.get(id) ?? [];
}
