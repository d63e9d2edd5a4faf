// Where an api call works: the workspace (found as the CLI finds it) and a fresh index, opened
// for one operation and closed when it ends, error or not. Every read syncs incrementally first
// (ADR-001: never answer from a stale index) unless the caller passes `sync: false`.
import { usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import type { SyncOptions, SyncOutcome } from '../index/sync.js';
import { isArchived } from '../workspace/archived.js';
import { resolveWorkspace } from '../workspace/discover.js';
import type { Workspace } from '../workspace/types.js';

/** What every api function takes: where the workspace is, and how to report run-level warnings. */
export interface WorkspaceOptions {
  /** The folder the workspace is looked for from, and relative paths start at (default: `process.cwd()`). */
  cwd?: string;
  /** A folder holding custodian.yaml, or the file itself (the CLI's `--workspace`). */
  workspace?: string;
  /** The index file (the CLI's `--index`). */
  index?: string;
  /** The environment read for CUSTODIAN_WORKSPACE, CUSTODIAN_INDEX, CUSTODIAN_NOW and HOME (default: `process.env`). */
  env?: NodeJS.ProcessEnv;
  /**
   * Bring the index up to date with the files before answering (default true). Operations that
   * read only the registry, and edits (which always sync), ignore it.
   */
  sync?: boolean;
  /**
   * Warnings about the run rather than the answer ("repo x: checkout not found on this host").
   * The api never writes to stdout or stderr; without a callback these warnings are dropped.
   */
  onWarning?(message: string): void;
}

export function cwdOf(options: WorkspaceOptions): string {
  return options.cwd ?? process.cwd();
}

export function envOf(options: WorkspaceOptions): NodeJS.ProcessEnv {
  return options.env ?? process.env;
}

/**
 * The clock: the real one, unless CUSTODIAN_NOW holds an ISO 8601 time. CUSTODIAN_NOW exists for
 * tests (commits at fixed dates must age deterministically); it is not a user setting.
 */
export function clockOf(options: WorkspaceOptions): Date {
  const fixed = envOf(options).CUSTODIAN_NOW;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw usageError(`CUSTODIAN_NOW is not an ISO 8601 time: ${JSON.stringify(fixed)}`);
  return date;
}

export function warn(options: WorkspaceOptions, message: string): void {
  options.onWarning?.(message);
}

export async function loadWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  return resolveWorkspace({ cwd: cwdOf(options), workspace: options.workspace, index: options.index, env: options.env });
}

export interface OpenIndex {
  db: IndexDb;
  /** The sync that ran first; null with `sync: false`. */
  sync: SyncOutcome | null;
}

/**
 * The index, synced first unless `sync` is false (`full`: rebuilt from the files; `settle`: also
 * clear racy flags, which only the sync operation asks for: see SyncOptions.settle), with the
 * events of commits HEAD moved past derived (free when no HEAD moved; `stale`: also the day's
 * stale tasks, which only the explicit sync and the events operations ask for).
 */
export async function openFreshIndex(
  ws: Workspace,
  options: WorkspaceOptions,
  how: { full?: boolean; settle?: boolean; stale?: boolean } & IndexScope = {},
): Promise<OpenIndex> {
  if (options.sync === false) {
    const { openIndex } = await import('../index/db.js');
    return { db: openIndex(ws.index_path, ws.index_source), sync: null };
  }
  const { syncWorkspace } = await import('../index/sync.js');
  // A read takes a running watcher's word that no file changed; the explicit sync (settle) stats every file.
  const sync = await syncWorkspace(ws, { full: how.full, settle: how.settle, repos: how.repos, listed: how.listed, trustWatcher: how.settle !== true });
  for (const problem of reportedProblems(ws, sync)) warn(options, `repo ${problem.repo}: ${problem.message}`);
  await deriveAfterSync(ws, sync.db, options, { stale: how.stale === true });
  return { db: sync.db, sync };
}

/**
 * The events step of a sync, run once the index is fresh: derives the commits HEAD moved past
 * (and, with `stale`, the day's stale tasks). Cheap when nothing moved. Never fails the sync:
 * a problem is a warning, and the derivation is tried again next time. Returns the new events.
 * Here, not with the events operations (events.ts): every read command runs it, and loads no more.
 */
async function deriveAfterSync(ws: Workspace, db: IndexDb, options: WorkspaceOptions & { now?: Date }, how: { stale: boolean }): Promise<number> {
  try {
    const { eventsStep } = await import('../events/step.js');
    const outcome = await eventsStep(ws, db, { now: options.now ?? clockOf(options), stale: how.stale, warn: (m) => warn(options, m) });
    return outcome?.derived ?? 0;
  } catch (error) {
    warn(options, `events: ${error instanceof Error ? error.message : String(error)}; events were not derived`);
    return 0;
  }
}

/** The repos whose missing checkout is news: an archived repo's checkout may well be gone. */
export function reportedUnreachable(ws: Workspace, sync: SyncOutcome): string[] {
  return sync.unreachable.filter((slug) => isReported(ws, slug));
}

/** Why each reported repo could not be read (archived repos are left out, as above). */
export function reportedProblems(ws: Workspace, sync: SyncOutcome): SyncOutcome['repo_problems'] {
  return sync.repo_problems.filter((problem) => isReported(ws, problem.repo));
}

function isReported(ws: Workspace, slug: string): boolean {
  const repo = ws.repos.find((r) => r.slug === slug);
  return repo === undefined || !isArchived(ws, repo);
}

/** What the sync before a read covers (SyncOptions): only some repos, with lists read ahead. */
export type IndexScope = Pick<SyncOptions, 'repos' | 'listed'>;

/**
 * Runs `read` on the fresh index of `ws` and closes the index afterwards, whatever happens.
 * `scope.repos`: bring only these repos up to date (after an edit, the repo of the file it changed).
 */
export async function withIndex<T>(
  ws: Workspace,
  options: WorkspaceOptions,
  read: (db: IndexDb, sync: SyncOutcome | null) => T | Promise<T>,
  scope: IndexScope = {},
): Promise<T> {
  const { db, sync } = await openFreshIndex(ws, options, scope);
  try {
    return await read(db, sync);
  } finally {
    db.close();
  }
}
