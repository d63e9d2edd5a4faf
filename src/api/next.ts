// `next [<repo>]`: the first ready task in dispatch order, in one repo or across every repo, with
// its description, acceptance criteria, line range and workplan so an agent needs no second call.
import { activeRepoSlugs } from '../workspace/archived.js';
import { firstReady, OrderViolation } from '../dispatch/next.js';
import { readyQueue, type QueueEntry } from '../dispatch/queue.js';
import type { BlockedBy } from '../dispatch/types.js';
import { workplanCatalog, workstreamId } from '../dispatch/workstreams.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, liveDependencyLookup, selectQueueTasks, taskRowById, workplansOf } from '../index/queries/dispatch.js';
import { nextCandidates } from '../index/queries/dispatch-next.js';
import type { TaskRow } from '../index/queries/tasks.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { requireRepo } from './filters.js';
import { taskDetail, type TaskDetail } from './items/task.js';

export interface NextOptions extends WorkspaceOptions {
  /** Only this repo (default: every repo). */
  repo?: string;
  /** Also consider tasks marked needs_human. */
  includeHuman?: boolean;
}

export interface NextTask extends TaskDetail {
  /** The workplan id, or `backlog:<repo>` for a task outside any workplan. */
  workstream: string | null;
  workplan: { id: string | null; title: string | null; status: string | null; repo_slug: string; file: string } | null;
  ready: boolean;
  blocked_by: BlockedBy[];
}

export interface NextDocument {
  schema_version: 1;
  kind: 'next';
  /** The first task to take; null when nothing is ready. */
  task: NextTask | null;
}

export async function next(options: NextOptions = {}): Promise<NextDocument> {
  const ws = await loadWorkspace(options);
  const task = await withIndex(ws, options, (db) => {
    requireRepo(ws, options.repo);
    // Across repos, an archived repo's tasks are history, not work to take; named, it still answers.
    const repos = options.repo === undefined ? activeRepoSlugs(ws) : [options.repo];
    const entry = findNext(db, repos, options.includeHuman === true);
    const row = entry && taskRowById(db, entry.task.row_id);
    return entry && row ? nextTask(row, entry) : null;
  });
  return { schema_version: 1, kind: 'next', task };
}

/**
 * The fast way asks SQL for the candidates in dispatch order and stops at the first ready one;
 * if that order ever disagrees with the queue's, the whole queue is assessed instead (slow, certain).
 */
function findNext(db: IndexDb, repos: string[], includeHuman: boolean): QueueEntry | null {
  try {
    return firstReady(nextCandidates(db, { repos, includeHuman }), liveDependencyLookup(db), { includeHuman });
  } catch (error) {
    if (!(error instanceof OrderViolation)) throw error;
    const tasks = selectQueueTasks(db, { repos, statuses: ['todo', 'in_progress'] });
    return readyQueue(tasks, workplanCatalog(workplansOf(db, tasks)), dependencyLookupFor(db, tasks), { includeHuman })[0] ?? null;
  }
}

function nextTask(row: TaskRow, entry: QueueEntry): NextTask {
  const ws = entry.workstream;
  return {
    ...taskDetail(row),
    workstream: workstreamId(ws),
    workplan:
      ws.kind === 'workplan'
        ? { id: ws.workplan.id, title: ws.workplan.title, status: ws.workplan.status, repo_slug: ws.workplan.repo, file: ws.workplan.file }
        : null,
    ready: entry.ready,
    blocked_by: entry.blocked_by,
  };
}
