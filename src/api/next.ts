// `next [<repo>]`: the first ready task in dispatch order, in one repo or across every repo, with
// its description, acceptance criteria, line range and workplan so an agent needs no second call.
import { activeRepoSlugs } from '../workspace/archived.js';
import type { Workspace } from '../workspace/types.js';
import { firstReady, OrderViolation, readyProposals, type NextOptions as ProposalOptions } from '../dispatch/next.js';
import { proposedTo } from '../dispatch/proposal.js';
import { readyQueue, type QueueEntry } from '../dispatch/queue.js';
import type { BlockedBy } from '../dispatch/types.js';
import { workplanCatalog, workstreamId } from '../dispatch/workstreams.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, liveDependencyLookup, selectQueueTasks, taskRowById, workplansOf } from '../index/queries/dispatch.js';
import { nextCandidates } from '../index/queries/dispatch-next.js';
import type { TaskRow } from '../index/queries/tasks.js';
import { CustodianError, usageError } from '../errors.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { requireRepo } from './filters.js';
import { taskDetail, type TaskDetail } from './items/task.js';
import type { PushItem } from './claim.js';
import { findTask } from './lookup.js';

export interface NextOptions extends WorkspaceOptions {
  /** Only this repo (default: every repo). */
  repo?: string;
  /** Also consider tasks marked needs_human. */
  includeHuman?: boolean;
  /** The agent asking: its own in_progress tasks first, then todo tasks nobody else holds (without it, todo tasks only). */
  as?: string;
  /** Claim the task for `as` as well (`task claim`), moving on to the next candidate when another agent won it. */
  claim?: boolean;
  /** With `claim`: commit and push the claim; the remote decides between machines. */
  push?: boolean;
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
  /** The first task to take; null when nothing is ready (with `claim`: nothing could be claimed). */
  task: NextTask | null;
  /** With `claim`: whether `task` is now held by `as`. */
  claimed?: boolean;
  /** With `claim` and `push`: the pushed claim commit. */
  push?: PushItem | null;
}

export async function next(options: NextOptions = {}): Promise<NextDocument> {
  if (options.claim) return nextClaimed(options);
  if (options.push) throw usageError('--push goes with --claim');
  const ws = await loadWorkspace(options);
  const task = await withIndex(ws, options, (db) => {
    requireRepo(ws, options.repo);
    const entry = findNext(db, repoScope(ws, options.repo), { includeHuman: options.includeHuman === true, as: options.as });
    const row = entry && taskRowById(db, entry.task.row_id);
    return entry && row ? nextTask(row, entry) : null;
  });
  return { schema_version: 1, kind: 'next', task };
}

// Races lost before the index is looked at again (synced: it then shows the winners' claims), and
// looks: N agents racing lose at most N - 1 races each.
const CLAIM_WALK = 32;
const CLAIM_ROUNDS = 4;

/** Picks and claims: the first candidate this agent wins, in dispatch order. */
async function nextClaimed(options: NextOptions): Promise<NextDocument> {
  if (options.as === undefined) throw usageError('--claim needs --as NAME: who takes the task');
  // The edit engine loads only when a claim is asked for: plain `next` stays a light read.
  const [{ checkName, claimRequest, pushItem }, { editTaskFile }] = await Promise.all([import('./claim.js'), import('./task-edit.js')]);
  const name = checkName(options.as);
  const proposal = { includeHuman: options.includeHuman === true, as: name };
  const ws = await loadWorkspace(options);
  const tried = new Set<string>();
  for (let round = 0; round < CLAIM_ROUNDS; round++) {
    // The walk stays open while each candidate is tried, so one that is won costs one step of it.
    const won = await withIndex(ws, round === 0 ? options : { ...options, sync: true, onWarning: undefined }, async (db) => {
      requireRepo(ws, options.repo);
      let lost = 0;
      for (const entry of readyEntries(db, repoScope(ws, options.repo), proposal, tried)) {
        const place = { repo: entry.task.repo, file: entry.task.file, id: entry.task.id! };
        tried.add(placeKey(place));
        try {
          // Another agent's claim since our look at the index is seen in the file, under its lock: `taken`.
          const { push } = await editTaskFile(ws, place, claimRequest(name, { push: options.push }));
          return { entry, place, push: pushItem(push) };
        } catch (error) {
          if (!lostRace(error)) throw error;
          if (++lost === CLAIM_WALK) break;
        }
      }
      return lost === CLAIM_WALK ? undefined : null;
    });
    if (won === null) break;
    if (won === undefined) continue;
    const ref = `${won.place.repo}:${won.place.file}#${won.place.id}`;
    const task = await withIndex(
      ws,
      { ...options, sync: true, onWarning: undefined },
      (db) => nextTask(findTask(db, ref), won.entry),
      options.push ? {} : { repos: [won.place.repo] },
    );
    return { schema_version: 1, kind: 'next', task, claimed: true, ...(options.push ? { push: won.push } : {}) };
  }
  return { schema_version: 1, kind: 'next', task: null, claimed: false, ...(options.push ? { push: null } : {}) };
}

function placeKey(place: { repo: string; file: string; id: string }): string {
  return `${place.repo}\0${place.file}\0${place.id}`;
}

/** The ready proposals not tried yet, in dispatch order, found as they are asked for. */
function* readyEntries(db: IndexDb, repos: string[], proposal: ProposalOptions, tried: ReadonlySet<string>): Generator<QueueEntry> {
  const fresh = (entry: QueueEntry) => entry.task.id !== null && !tried.has(placeKey({ repo: entry.task.repo, file: entry.task.file, id: entry.task.id }));
  try {
    for (const entry of readyProposals(nextCandidates(db, { repos, ...proposal }), liveDependencyLookup(db), proposal)) if (fresh(entry)) yield entry;
  } catch (error) {
    if (!(error instanceof OrderViolation)) throw error;
    // The SQL order cannot be trusted: the slow, certain queue (what was tried is in `tried`).
    yield* slowQueue(db, repos, proposal).filter(fresh);
  }
}

/** Another agent won the task, the file changed, or it cannot be edited now: try the next one. */
function lostRace(error: unknown): boolean {
  if (!(error instanceof CustodianError)) return false;
  if (error.code === 'conflict' || error.code === 'not-found') return true;
  return error.code === 'refused' && error.details?.diagnostics !== undefined;
}

/** Across repos, an archived repo's tasks are history, not work to take; named, it still answers. */
function repoScope(ws: Workspace, repo: string | undefined): string[] {
  return repo === undefined ? activeRepoSlugs(ws) : [repo];
}

/**
 * The fast way asks SQL for the candidates in dispatch order and stops at the first ready one;
 * if that order ever disagrees with the queue's, the whole queue is assessed instead (slow, certain).
 */
function findNext(db: IndexDb, repos: string[], options: ProposalOptions): QueueEntry | null {
  try {
    return firstReady(nextCandidates(db, { repos, ...options }), liveDependencyLookup(db), options);
  } catch (error) {
    if (!(error instanceof OrderViolation)) throw error;
    return slowQueue(db, repos, options)[0] ?? null;
  }
}

/** Every ready task that may be proposed, assessed in full: the answer when the SQL order cannot be trusted. */
function slowQueue(db: IndexDb, repos: string[], options: ProposalOptions): QueueEntry[] {
  const tasks = selectQueueTasks(db, { repos, statuses: ['todo', 'in_progress'] });
  const queue = readyQueue(tasks, workplanCatalog(workplansOf(db, tasks)), dependencyLookupFor(db, tasks), options);
  return queue.filter((entry) => proposedTo(entry.task, options.as));
}

function nextTask(row: TaskRow, entry: QueueEntry): NextTask {
  return { ...taskDetail(row), ...placeInQueue(entry) };
}

/** What `next` adds to a task's detail: its workstream and workplan, and its readiness (the hub's next too). */
export function placeInQueue(entry: QueueEntry): Pick<NextTask, 'workstream' | 'workplan' | 'ready' | 'blocked_by'> {
  const ws = entry.workstream;
  return {
    workstream: workstreamId(ws),
    workplan:
      ws.kind === 'workplan'
        ? { id: ws.workplan.id, title: ws.workplan.title, status: ws.workplan.status, repo_slug: ws.workplan.repo, file: ws.workplan.file }
        : null,
    ready: entry.ready,
    blocked_by: entry.blocked_by,
  };
}
