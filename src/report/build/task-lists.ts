// The three task lists of the report: ready, blocked (with why) and needing a human. Pending
// tasks of active workstreams only, assessed and ordered by src/dispatch exactly as `dispatch`
// and `next` do, so the ready list is the order agents are handed work in.
import { assessQueue, type QueueEntry } from '../../dispatch/queue.js';
import { PENDING_STATUSES, workstreamOpen } from '../../dispatch/readiness.js';
import type { DependencyLookup } from '../../dispatch/types.js';
import { workstreamId, type WorkplanCatalog } from '../../dispatch/workstreams.js';
import type { ReportTask } from '../model.js';
import type { QueueRows } from './queue-rows.js';

export interface TaskLists {
  ready: QueueEntry[];
  blocked: QueueEntry[];
  human: QueueEntry[];
}

/** Every pending task of an active workstream, assessed, in dispatch order. */
export function openQueue(rows: QueueRows, catalog: WorkplanCatalog, lookup: DependencyLookup): QueueEntry[] {
  const pending = rows.tasks.filter((task) => task.status !== null && PENDING_STATUSES.has(task.status));
  return assessQueue(pending, catalog, lookup).filter((entry) => workstreamOpen(entry.workstream));
}

/** The queue split into the report's lists (a task needing a human and blocked is in both). */
export function taskLists(queue: readonly QueueEntry[]): TaskLists {
  const lists: TaskLists = { ready: [], blocked: [], human: [] };
  for (const entry of queue) {
    if (entry.ready) lists.ready.push(entry);
    else if (isBlocked(entry)) lists.blocked.push(entry);
    if (entry.task.needs_human) lists.human.push(entry);
  }
  return lists;
}

/**
 * Not ready for a reason other than waiting for a human: a dependency, a `blocked` status, a file
 * that does not parse, an id declared twice in its repo.
 */
function isBlocked(entry: QueueEntry): boolean {
  const { task } = entry;
  if (!task.needs_human) return true;
  return entry.blocked_by.length > 0 || task.status === 'blocked' || !task.doc_valid;
}

export function reportTask(entry: QueueEntry, rows: QueueRows, lookup: DependencyLookup): ReportTask {
  const { task } = entry;
  const source = rows.sources.get(task.row_id)!;
  return {
    id: task.id,
    title: task.title,
    repo_slug: task.repo,
    workstream: workstreamId(entry.workstream),
    status: task.status,
    priority: task.priority,
    assignee: source.assignee,
    needs_human: task.needs_human,
    ready: entry.ready,
    valid: task.doc_valid,
    blocked_by: entry.blocked_by.map((block) => {
      const targets = lookup(block.id);
      return { ...block, repo_slug: targets.length === 1 ? targets[0].repo : null };
    }),
    file: task.file,
    line: task.line,
    source: source.source ?? null,
  };
}

/** The first `limit` items of each repo, order kept (0: every item). */
export function limitPerRepo<T>(items: readonly T[], limit: number, repoOf: (item: T) => string): T[] {
  if (limit === 0) return [...items];
  const seen = new Map<string, number>();
  return items.filter((item) => {
    const repo = repoOf(item);
    const n = (seen.get(repo) ?? 0) + 1;
    seen.set(repo, n);
    return n <= limit;
  });
}
