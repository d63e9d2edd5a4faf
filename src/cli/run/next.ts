// `next`: the first ready task in dispatch order, in one repo or across every repo, printed with
// its description, acceptance criteria, line range and workplan so an agent needs no second call.
import { firstReady, OrderViolation } from '../../dispatch/next.js';
import { readyQueue, type QueueEntry } from '../../dispatch/queue.js';
import { workplanCatalog } from '../../dispatch/workstreams.js';
import { notFound } from '../../errors.js';
import type { IndexDb } from '../../index/db.js';
import { dependencyLookupFor, liveDependencyLookup, selectQueueTasks, taskRowById, workplansOf } from '../../index/queries/dispatch.js';
import { nextCandidates } from '../../index/queries/dispatch-next.js';
import type { CliContext } from '../context.js';
import { nextTask, nextTaskLines } from '../format/next.js';
import { colors, writeJson, writeLines } from '../output.js';
import { openFreshIndex } from './workspace.js';

interface NextFlags {
  json?: boolean;
  includeHuman?: boolean;
  sync?: boolean;
}

export async function next(ctx: CliContext, repo: string | undefined, flags: NextFlags): Promise<void> {
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  try {
    if (repo !== undefined && !ws.repos.some((r) => r.slug === repo)) throw notFound(`no repo ${repo} in the workspace (try \`custodian repo list\`)`);
    const entry = findNext(db, repo, flags.includeHuman === true);
    const row = entry && taskRowById(db, entry.task.row_id);
    const task = entry && row ? nextTask(row, entry) : null;
    if (flags.json) writeJson({ schema_version: 1, kind: 'next', task });
    else writeLines(task ? nextTaskLines(task, colors()) : [repo ? `nothing is ready in ${repo}` : 'nothing is ready']);
  } finally {
    db.close();
  }
}

function findNext(db: IndexDb, repo: string | undefined, includeHuman: boolean): QueueEntry | null {
  try {
    return firstReady(nextCandidates(db, { repo, includeHuman }), liveDependencyLookup(db), { includeHuman });
  } catch (error) {
    if (!(error instanceof OrderViolation)) throw error;
    // The SQL order disagreed with the queue's: answer the slow, certain way.
    const tasks = selectQueueTasks(db, { repos: repo === undefined ? undefined : [repo], statuses: ['todo', 'in_progress'] });
    return readyQueue(tasks, workplanCatalog(workplansOf(db, tasks)), dependencyLookupFor(db, tasks), { includeHuman })[0] ?? null;
  }
}
