// Sync: files → index, one way. The cheap check runs without a lock; only when something changed
// is the sync lock taken, the check repeated (another process may have just done the work), and
// every change written in one IMMEDIATE transaction — so a killed sync leaves the previous index.
import { parseFile } from '../documents/parse.js';
import { MAX_FILE_BYTES } from '../documents/text.js';
import type { ParseResult } from '../documents/model.js';
import type { Workspace } from '../workspace/types.js';
import { discardIndex, isCorruption, openIndex, type IndexDb } from './db.js';
import { contentHash, planRepo, readCandidate, type FileCandidate, type RepoPlan } from './plan.js';
import { isRacy } from './stamps.js';
import { readIndexState, type IndexState } from './state.js';
import { IndexWriter } from './store.js';
import { withSyncLock } from './sync-lock.js';

export interface SyncOptions {
  full?: boolean;
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

export interface SyncOutcome {
  db: IndexDb;
  counts: SyncCounts;
  /** Every file whose rows changed in this sync. */
  changes: FileChange[];
  /** False when the cheap check found nothing to do. */
  wrote: boolean;
  /** Repos whose checkout could not be found on this host. */
  unreachable: string[];
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
    await withSyncLock(ws.index_path, async () => discardIndex(ws.index_path));
    return syncOnce(ws, { ...options, full: true });
  }
}

async function syncOnce(ws: Workspace, options: SyncOptions): Promise<SyncOutcome> {
  const started = performance.now();
  const db = openIndex(ws.index_path);
  const full = options.full === true;
  let plans = await planAll(ws, readIndexState(db), full);
  const counts = emptyCounts(plans);
  const changes: FileChange[] = [];
  if (!full && !(await needsWrite(ws, db, plans))) {
    return { db, counts, changes, wrote: false, unreachable: unreachable(plans), duration_ms: performance.now() - started };
  }
  await withSyncLock(ws.index_path, async () => {
    // Another process may have synced while we waited for the lock: look again.
    if (!full) plans = await planAll(ws, readIndexState(db), false);
    Object.assign(counts, emptyCounts(plans));
    await applyPlans(db, ws, plans, full, counts, changes);
  });
  return { db, counts, changes, wrote: true, unreachable: unreachable(plans), duration_ms: performance.now() - started };
}

async function planAll(ws: Workspace, state: IndexState, full: boolean): Promise<RepoPlan[]> {
  // Listing runs git: start every repo's at once.
  return Promise.all(ws.repos.map((repo) => planRepo(repo, state.repos.get(repo.slug), state.files.get(repo.slug) ?? [], full)));
}

function emptyCounts(plans: RepoPlan[]): SyncCounts {
  const scanned = plans.reduce((n, p) => n + p.scanned, 0);
  return { repos: plans.length, scanned, read: 0, parsed: 0, unchanged: scanned, removed: 0 };
}

function unreachable(plans: RepoPlan[]): string[] {
  return plans.filter((p) => !p.reachable).map((p) => p.repo.slug);
}

/**
 * True when the index must be written. Racy files whose stamp did not move are re-hashed here:
 * an unchanged hash needs no write.
 */
async function needsWrite(ws: Workspace, db: IndexDb, plans: RepoPlan[]): Promise<boolean> {
  const known = new Set(ws.repos.map((r) => r.slug));
  const indexed = db.prepare('SELECT slug FROM repos').pluck().all() as string[];
  if (indexed.some((slug) => !known.has(slug))) return true;
  for (const plan of plans) {
    if (!plan.row || plan.vanished.length > 0) return true;
    if (plan.listing && (plan.listing.gitIndexStamp !== plan.row.git_index_stamp || JSON.stringify(plan.listing.dirStamps) !== plan.row.dir_stamps)) return true;
    if (plan.row.config_hash !== plan.configHash) return true;
    for (const candidate of plan.candidates) {
      if (!candidate.row || candidate.row.stamp !== candidate.stamp) return true;
      const bytes = readCandidate(candidate);
      if (!bytes || contentHash(bytes) !== candidate.row.hash) return true;
      // Unchanged, but no longer racy: one write clears the flag so later checks skip the read.
      if (candidate.stats && !isRacy(candidate.stats, Date.now())) return true;
    }
  }
  return false;
}

async function applyPlans(db: IndexDb, ws: Workspace, plans: RepoPlan[], full: boolean, counts: SyncCounts, changes: FileChange[]): Promise<void> {
  const writer = new IndexWriter(db);
  const syncedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    if (full) clearEverything(db);
    else removeUnregisteredRepos(db, new Set(ws.repos.map((r) => r.slug)));
    const upsertRepo = db.prepare(
      `INSERT INTO repos (slug, checkout, config_hash, git_index_stamp, dir_stamps, generation, synced_at)
       VALUES (@slug, @checkout, @config_hash, @git_index_stamp, @dir_stamps, @generation, @synced_at)
       ON CONFLICT (slug) DO UPDATE SET checkout = excluded.checkout, config_hash = excluded.config_hash,
         git_index_stamp = excluded.git_index_stamp, dir_stamps = excluded.dir_stamps, generation = excluded.generation,
         synced_at = excluded.synced_at`,
    );
    for (const plan of plans) {
      let changed = full ? 1 : 0;
      for (const row of plan.vanished) {
        writer.deleteFile(row.id);
        counts.removed++;
        changes.push({ repo: plan.repo.slug, file: row.path, change: 'removed' });
        changed = 1;
      }
      for (const candidate of plan.candidates) {
        const change = await applyCandidate(writer, plan, candidate, full, counts);
        if (change) {
          changes.push({ repo: plan.repo.slug, file: candidate.path, change });
          changed = 1;
        }
      }
      const previous = plan.row;
      upsertRepo.run({
        slug: plan.repo.slug,
        checkout: plan.repo.checkout,
        config_hash: plan.configHash,
        git_index_stamp: plan.listing ? plan.listing.gitIndexStamp : (previous?.git_index_stamp ?? null),
        dir_stamps: plan.listing ? JSON.stringify(plan.listing.dirStamps) : (previous?.dir_stamps ?? '{}'),
        // Generations only grow, across full rebuilds too: caches keyed by them never see one twice.
        generation: (previous?.generation ?? 0) + changed,
        synced_at: changed || !previous ? syncedAt : previous.synced_at,
      });
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('last_synced_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(syncedAt);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Reads, hashes and (when its content changed) parses one file; says how its rows changed, if they did. */
async function applyCandidate(
  writer: IndexWriter,
  plan: RepoPlan,
  candidate: FileCandidate,
  full: boolean,
  counts: SyncCounts,
): Promise<FileChange['change'] | null> {
  const record = { repo: plan.repo.slug, path: candidate.path, stamp: candidate.stamp, hash: null as string | null, racy: false };
  let result: ParseResult;
  if (candidate.problem) {
    result = unreadable(candidate.path, candidate.problem);
  } else if (candidate.stats && candidate.stats.size > MAX_FILE_BYTES) {
    result = unreadable(candidate.path, `file is ${candidate.stats.size} bytes, over the ${MAX_FILE_BYTES}-byte size cap`);
  } else {
    const readAt = Date.now();
    const bytes = readCandidate(candidate);
    if (!bytes) {
      if (!candidate.row) return null;
      writer.deleteFile(candidate.row.id);
      counts.unchanged--;
      counts.removed++;
      return 'removed';
    }
    counts.read++;
    record.hash = contentHash(bytes);
    record.racy = candidate.stats ? isRacy(candidate.stats, readAt) : false;
    if (!full && candidate.row && candidate.row.hash === record.hash) {
      writer.touchFile(candidate.row.id, candidate.stamp, record.racy);
      return null;
    }
    result = await parseFile(candidate.path, bytes);
  }
  counts.parsed++;
  counts.unchanged--;
  writer.writeFile(record, result);
  return candidate.row && !full ? 'changed' : 'added';
}

function unreadable(file: string, reason: string): ParseResult {
  return {
    file,
    documents: [],
    used_fallback: false,
    diagnostics: [{ rule_id: 'file/unreadable', severity: 'error', message: `Unreadable file: ${reason}`, file, line: 1, column: 1, end_line: 1, end_column: 1 }],
  };
}

function clearEverything(db: IndexDb): void {
  for (const table of ['task_deps', 'tasks', 'interface_change_repos', 'diagnostics', 'documents', 'files', 'repos']) db.exec(`DELETE FROM ${table}`);
}

function removeUnregisteredRepos(db: IndexDb, known: Set<string>): void {
  const indexed = db.prepare('SELECT slug FROM repos').pluck().all() as string[];
  for (const slug of indexed) {
    if (known.has(slug)) continue;
    const fileIds = db.prepare('SELECT id FROM files WHERE repo = ?').pluck().all(slug) as number[];
    const writer = new IndexWriter(db);
    for (const id of fileIds) writer.deleteFile(id);
    db.prepare('DELETE FROM repos WHERE slug = ?').run(slug);
  }
}
