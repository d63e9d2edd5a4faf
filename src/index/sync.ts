// Sync: files → index, one way. The cheap check runs without a lock; only when something changed
// is the sync lock taken, the check repeated (another process may have just done the work), and
// every change written in one IMMEDIATE transaction — so a killed sync leaves the previous index.
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Workspace } from '../workspace/types.js';
import { assertIndexTarget } from './index-target.js';
import { createUnjournaledIndex, discardIndex, flushAhead, isCorruption, openIndex, sealIndex, type IndexDb } from './db.js';
import type { ParsePool } from './parse-pool.js';
import { takeEarlyWalk, writeStampsCopy, type EarlyWalk } from './early-walk.js';
import { planRepo, repoConfigKey, type RepoListing, type RepoPlan } from './plan.js';
import { isRacy } from './stamps.js';
import { indexedRepos, readIndexState, readRepoRows, storedHash, type IndexState } from './state.js';
import { askWatcher, watchToken, type WatcherAnswer } from './watch-vouch.js';

export interface SyncOptions {
  full?: boolean;
  /**
   * Also write when the only news is that racy files (read too soon after a change to trust
   * their stamp) are no longer racy, so later checks stop re-reading them, waiting for the sync
   * lock if need be. Only the `sync` command asks for this; other commands clear the flags only
   * when the lock is free at once, never waiting for it.
   */
  settle?: boolean;
  /**
   * Only these repos (slugs): the others are taken as last indexed. For an edit that knows the one
   * file it changed: its repo's check stats that repo's files instead of the whole workspace's.
   * Ignored with `full`. A repo the index has never seen is synced too: it has no "last indexed"
   * state to answer from.
   */
  repos?: readonly string[];
  /** File lists a caller started reading ahead (aheadLister), by repo slug. */
  listed?: ReadonlyMap<string, RepoListing>;
  /**
   * Ask a running `sync --watch` to vouch for the index (watch-vouch.ts) and, where it does, take
   * the recorded stamps of the repos it watches without stat'ing their files. Reads ask; the
   * explicit `sync` and the watcher's own syncs do not.
   */
  trustWatcher?: boolean;
}

export interface SyncCounts {
  repos: number;
  scanned: number;
  read: number;
  parsed: number;
  unchanged: number;
  removed: number;
}

export interface FileChange {
  repo: string;
  file: string;
  change: 'added' | 'changed' | 'removed';
}

export interface RepoProblem {
  repo: string;
  message: string;
}

export interface SyncOutcome {
  db: IndexDb;
  counts: SyncCounts;
  /** Every file whose rows changed in this sync. */
  changes: FileChange[];
  /** False when the cheap check found nothing to do. */
  wrote: boolean;
  /** Repos whose documents could not be read: checkout not on this host, or broken (see repo_problems). */
  unreachable: string[];
  /** Why each unreachable repo could not be read, in registry order. */
  repo_problems: RepoProblem[];
  /** The repos brought up to date, in registry order: every repo unless SyncOptions.repos limited them. */
  synced_repos: string[];
  duration_ms: number;
}

/**
 * Brings the index up to date with the files and returns it open. An index found corrupt on
 * the way is discarded and rebuilt from the files: it is only a cache.
 */
export async function syncWorkspace(ws: Workspace, options: SyncOptions = {}): Promise<SyncOutcome> {
  try {
    return await syncOnce(ws, options);
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const { withSyncLock } = await import('./sync-lock.js');
    await withSyncLock(ws.index_path, async () => discardIndex(ws.index_path));
    return syncOnce(ws, { ...options, full: true });
  }
}

async function syncOnce(ws: Workspace, options: SyncOptions): Promise<SyncOutcome> {
  // hrtime, not performance.now(): the global `performance` loads perf_hooks (~2 ms) on first use.
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  if (!existsSync(ws.index_path)) {
    const built = await buildMissingIndex(ws);
    if (built) {
      // A command that started an early walk found no copy to walk: the next one will.
      if (takeEarlyWalk()) writeStampsCopy(ws.index_path, readRepoRows(built.db).values());
      return { ...built, duration_ms: elapsed() };
    }
  }
  // Asked before the index opens: the answer comes back meanwhile.
  const asking = options.full !== true && options.trustWatcher === true ? askWatcher(ws.index_path) : null;
  const db = openIndex(ws.index_path, ws.index_source);
  if (options.full !== true) return syncOpenIndex(ws, db, options, null, elapsed, asking);
  // A full sync parses every file: its parse workers start first, and load while git lists the repos.
  const { withParsePool } = await import('./parse-pool.js');
  return withParsePool((pool) => syncOpenIndex(ws, db, options, pool, elapsed));
}

async function syncOpenIndex(
  ws: Workspace,
  db: IndexDb,
  options: SyncOptions,
  pool: ParsePool | null,
  elapsed: () => number,
  asking: ReturnType<typeof askWatcher> | null = null,
): Promise<SyncOutcome> {
  if (options.full === true) {
    const { withSyncLock } = await import('./sync-lock.js');
    const written = await withSyncLock(ws.index_path, () => writeEverything(ws, db, pool));
    return { db, ...written, wrote: true, duration_ms: elapsed() };
  }
  // data_version changes when another connection commits: it tells whether the plan below is
  // still true once the lock is ours.
  const version = db.pragma('data_version', { simple: true });
  const scope = options.repos === undefined ? null : syncScope(ws, indexedRepos(db), options.repos);
  // Read after the answer: the token (and the rows read next) are then at least as new as the sync it vouches for.
  const vouched = asking ? vouchedRepos(db, await asking) : null;
  // The stats a command started as it began (early-walk.ts): they cover every repo, so a scoped sync leaves them.
  const early = scope === null ? takeEarlyWalk() : null;
  let plans = await planAll(ws, readIndexState(db, readRepoRows(db, scope)), scope, { listed: options.listed, vouched, early });
  if (early && process.env.CUSTODIAN_DEBUG) process.stderr.write(`custodian: sync: the early stat walk answered for ${early.answered} of ${plans.length} repos\n`);
  const counts = countsOf(plans);
  const changes: FileChange[] = [];
  const pending = await pendingWrite(ws, db, plans, scope === null);
  const outcome = (wrote: boolean): SyncOutcome => {
    // The next read's early walk stats from this copy: written when it is missing or answers for too few repos.
    if (early?.stale(plans.length)) writeStampsCopy(ws.index_path, readRepoRows(db).values());
    return { db, counts, changes, wrote, ...outcomeOf(plans), duration_ms: elapsed() };
  };
  if (pending === 'none') return outcome(false);
  const [{ withSyncLock, withSyncLockIfFree }, { applyPlans }] = await Promise.all([import('./sync-lock.js'), import('./sync-apply.js')]);
  const write = async () => {
    // Another process may have synced while we waited for the lock: then look again.
    if (db.pragma('data_version', { simple: true }) !== version) plans = await planAll(ws, readIndexState(db, readRepoRows(db, scope)), scope, { listed: options.listed });
    Object.assign(counts, noFilesCounted(plans.length));
    await applyPlans(db, ws, plans, false, counts, changes, scope === null);
  };
  // Racy flags left to clear: every command re-reads and hashes those files until a write clears
  // them (~13 ms each time at 10,000 files). `sync` waits for the lock to clear them; any other
  // command does it only if the lock is free now, and answers from the index as it is otherwise.
  if (pending === 'settle' && options.settle !== true) return outcome(await withSyncLockIfFree(ws.index_path, write));
  await withSyncLock(ws.index_path, write);
  return outcome(true);
}

/**
 * A full sync's writing, under the sync lock: every repo listed again and every file parsed, each
 * repo written as soon as git has listed it (while git lists the rest, and the parse workers read
 * ahead of the writer).
 */
async function writeEverything(ws: Workspace, db: IndexDb, pool: ParsePool | null, onLastRepo?: () => void): Promise<Omit<SyncOutcome, 'db' | 'wrote' | 'duration_ms'>> {
  const { applyPlans } = await import('./sync-apply.js');
  const planned = planEach(ws, readIndexState(db), true, null);
  const counts = noFilesCounted(planned.length);
  const changes: FileChange[] = [];
  await applyPlans(db, ws, planned, true, counts, changes, true, pool, onLastRepo);
  return { counts, changes, ...outcomeOf(await Promise.all(planned)) };
}

/**
 * The first sync of an index that does not exist yet (a new machine or workspace, or one just
 * discarded as corrupt): every file is read, so the index is built beside its path without a
 * journal (createUnjournaledIndex) and linked into place whole. Readers waiting meanwhile find
 * no index, wait for the sync lock and then open the finished one. Null when an index appeared
 * after all (built while we waited, or created by a process that does not sync): the ordinary
 * sync goes on with that one.
 */
async function buildMissingIndex(ws: Workspace): Promise<Omit<SyncOutcome, 'duration_ms'> | null> {
  const path = ws.index_path;
  assertIndexTarget(path, ws.index_source);
  mkdirSync(dirname(path), { recursive: true });
  const [{ withSyncLock }, { withParsePool }] = await Promise.all([import('./sync-lock.js'), import('./parse-pool.js')]);
  return withSyncLock(path, async () => {
    if (existsSync(path)) return null;
    // With no index there, logs left by its name belong to no index: SQLite must not replay them
    // onto the one built here.
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    // Under the sync lock there is one builder: a file of this name is a killed build's.
    const building = `${path}.building`;
    const db = createUnjournaledIndex(building);
    let flushed: Promise<void> = Promise.resolve();
    try {
      const written = await withParsePool((pool) => writeEverything(ws, db, pool, () => void (flushed = flushAhead(db))));
      sealIndex(db);
      if (!linkInto(building, path)) return null;
      return { db: openIndex(path, ws.index_source), wrote: true, ...written };
    } finally {
      if (db.open) db.close();
      await flushed;
      rmSync(building, { force: true });
    }
  });
}

/**
 * Puts `from` at `to` unless something is there by now: a link, unlike a rename, never replaces.
 * False too where the file system has no hard links: the ordinary sync then builds in place.
 */
function linkInto(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** The repos asked for, and every registered repo the index holds nothing about yet. */
function syncScope(ws: Workspace, indexed: ReadonlySet<string>, repos: readonly string[]): Set<string> {
  const scope = new Set(repos);
  for (const repo of ws.repos) if (!indexed.has(repo.slug)) scope.add(repo.slug);
  return scope;
}

function outcomeOf(plans: RepoPlan[]): Pick<SyncOutcome, 'unreachable' | 'repo_problems' | 'synced_repos'> {
  return { unreachable: unreachable(plans), repo_problems: repoProblems(plans), synced_repos: plans.map((p) => p.repo.slug) };
}

/**
 * The repos (by repoConfigKey) whose files a watcher vouched for, if it vouched for this index:
 * the token it answered with is the one it recorded here after its last sync.
 */
function vouchedRepos(db: IndexDb, asked: WatcherAnswer): ReadonlySet<string> | null {
  let { vouch, reason } = asked;
  if (vouch && watchToken(db) !== vouch.token) [vouch, reason] = [null, 'the index is not the one the watcher last synced'];
  // Said only where a watcher was asked: most workspaces run none.
  if (process.env.CUSTODIAN_DEBUG && (vouch || reason)) process.stderr.write(`custodian: sync: ${vouch ? `a watcher vouched for ${vouch.repos.size} repos` : `no watcher vouched (${reason})`}\n`);
  return vouch?.repos ?? null;
}

/** What a plan may take besides the index: lists read ahead, a watcher's word, the early walk. */
interface PlanHelp {
  /** File lists a caller started reading ahead (aheadLister), by repo slug. */
  listed?: ReadonlyMap<string, RepoListing>;
  /** The repos (by repoConfigKey) a watcher vouched for (vouchedRepos). */
  vouched?: ReadonlySet<string> | null;
  /** The stats the command started as it began (early-walk.ts). */
  early?: EarlyWalk | null;
}

/**
 * Each repo's plan (of those in `scope`; null: every repo), in registry order. Listing runs git:
 * every repo's starts at once.
 */
function planEach(ws: Workspace, state: IndexState, full: boolean, scope: ReadonlySet<string> | null, help: PlanHelp = {}): Promise<RepoPlan>[] {
  const repos = scope === null ? ws.repos : ws.repos.filter((repo) => scope.has(repo.slug));
  return repos.map((repo) => {
    const trusted = help.vouched?.has(repoConfigKey(repo)) === true;
    const plan = planRepo(repo, state.repos.get(repo.slug), state.recorded(repo.slug), full, help.listed?.get(repo.slug), trusted, help.early);
    // Awaited by whoever uses it, which may stop at an earlier plan's failure before reaching this one.
    void plan.catch(() => undefined);
    return plan;
  });
}

function planAll(ws: Workspace, state: IndexState, scope: ReadonlySet<string> | null, help: PlanHelp = {}): Promise<RepoPlan[]> {
  return Promise.all(planEach(ws, state, false, scope, help));
}

function noFilesCounted(repos: number): SyncCounts {
  return { repos, scanned: 0, read: 0, parsed: 0, unchanged: 0, removed: 0 };
}

/** What a sync that writes nothing counts: every file scanned and unchanged. */
function countsOf(plans: RepoPlan[]): SyncCounts {
  const scanned = plans.reduce((n, p) => n + p.scanned, 0);
  return { ...noFilesCounted(plans.length), scanned, unchanged: scanned };
}

function unreachable(plans: RepoPlan[]): string[] {
  return plans.filter((p) => !p.reachable).map((p) => p.repo.slug);
}

function repoProblems(plans: RepoPlan[]): RepoProblem[] {
  return plans.flatMap((p) => (p.problem === null ? [] : [{ repo: p.repo.slug, message: p.problem }]));
}

/**
 * What the index needs: a write; only racy flags cleared ('settle': files no longer racy whose
 * content did not change); or nothing. Racy files whose stamp did not move are re-hashed here:
 * an unchanged hash needs no write.
 */
async function pendingWrite(ws: Workspace, db: IndexDb, plans: RepoPlan[], wholeWorkspace: boolean): Promise<'write' | 'settle' | 'none'> {
  if (wholeWorkspace) {
    const known = new Set(ws.repos.map((r) => r.slug));
    const indexed = db.prepare('SELECT slug FROM repos').pluck().all() as string[];
    if (indexed.some((slug) => !known.has(slug))) return 'write';
  }
  let pending: 'settle' | 'none' = 'none';
  for (const plan of plans) {
    if (!plan.row || plan.vanished.length > 0) return 'write';
    if (plan.listing && (plan.listing.gitIndexStamp !== plan.row.git_index_stamp || JSON.stringify(plan.listing.dirStamps) !== plan.row.dir_stamps)) return 'write';
    if (plan.row.config_hash !== plan.configKey) return 'write';
    for (const candidate of plan.candidates) {
      if (!candidate.row || candidate.row.stamp !== candidate.stamp) return 'write';
      // Loaded here: a no-op read with no racy file hashes nothing.
      const { readHashed } = await import('./file-content.js');
      const read = readHashed(plan.repo.checkout, candidate.path);
      if (!read?.ok || read.hash !== storedHash(db, candidate.row.id)) return 'write';
      // Unchanged, but no longer racy: only its flag is left to clear.
      if (candidate.stats && !isRacy(candidate.stats, Date.now())) pending = 'settle';
    }
  }
  return pending;
}

