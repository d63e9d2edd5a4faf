// The write half of sync, loaded only when the cheap check found something to do: reads,
// hashes and parses changed files and replaces their rows in one IMMEDIATE transaction.
import type { Workspace } from '../workspace/types.js';
import { writeMeta, type IndexDb } from './db.js';
import type { ParsePool } from './parse-pool.js';
import type { FileCandidate, RepoPlan } from './plan.js';
import { prepareFile, type PreparedFile } from './prepare-file.js';
import { storedHash, writeRepoSummary } from './state.js';
import { dropSearch, searchBuilt } from './search-table.js';
import { IndexWriter } from './store.js';
import type { FileChange, SyncCounts } from './sync.js';

/**
 * `plans`: in registry order, each written as soon as it is ready (a full sync writes the first
 * repos while git lists the rest). `counts` starts at zero files and is counted here.
 * `prune`: the plans cover the whole workspace, so repos no longer registered are removed.
 * `pool`: parse workers started for a full sync (parse-pool.ts); the caller closes them.
 * `onLastRepo`: called when the writer starts on the last repo's rows (a first sync starts putting
 * the index on disk then: flushAhead).
 */
export async function applyPlans(
  db: IndexDb,
  ws: Workspace,
  plans: readonly (RepoPlan | Promise<RepoPlan>)[],
  full: boolean,
  counts: SyncCounts,
  changes: FileChange[],
  prune = true,
  pool: ParsePool | null = null,
  onLastRepo?: () => void,
): Promise<void> {
  const syncedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    // A rebuild leaves the search table to be built when first searched (src/index/search-table.ts).
    if (full || !db.prepare('SELECT 1 FROM files LIMIT 1').get()) dropSearch(db);
    const writer = new IndexWriter(db, searchBuilt(db));
    if (full) clearEverything(db);
    else if (prune) removeUnregisteredRepos(db, writer, new Set(ws.repos.map((r) => r.slug)));
    const upsertRepo = db.prepare(
      `INSERT INTO repos (slug, checkout, config_hash, git_index_stamp, dir_stamps, generation, synced_at)
       VALUES (@slug, @checkout, @config_hash, @git_index_stamp, @dir_stamps, @generation, @synced_at)
       ON CONFLICT (slug) DO UPDATE SET checkout = excluded.checkout, config_hash = excluded.config_hash,
         git_index_stamp = excluded.git_index_stamp, dir_stamps = excluded.dir_stamps, generation = excluded.generation,
         synced_at = excluded.synced_at`,
    );
    // A full sync reads and parses every file: worker threads do that while this thread writes.
    const fed = pool ? feedPool(pool, plans) : null;
    const ready = fed ?? plans;
    // Until a worker has parsed a file, every file the writer takes it would parse here, in a V8
    // that then compiles the parser a second time: better to list the other repos meanwhile (the
    // worker starts on the first ones as they come). A small workspace is all listed before the
    // worker runs, and parsed here as before.
    if (pool && fed) await Promise.race([Promise.all(fed).then(noop, noop), pool.started]);
    for (const [i, next] of ready.entries()) {
      const plan = await next;
      if (i === ready.length - 1) onLastRepo?.();
      counts.scanned += plan.scanned;
      counts.unchanged += plan.scanned;
      let changed = full ? 1 : 0;
      for (const row of plan.vanished) {
        writer.deleteFile(row.id);
        counts.removed++;
        changes.push({ repo: plan.repo.slug, file: row.path, change: 'removed' });
        changed = 1;
      }
      for (const candidate of plan.candidates) {
        const prepared = await (pool?.take() ?? prepareInProcess(writer, plan, candidate, full));
        const change = applyCandidate(writer, plan, candidate, prepared, full, counts);
        if (change) {
          changes.push({ repo: plan.repo.slug, file: candidate.path, change });
          changed = 1;
        }
      }
      const previous = plan.row;
      upsertRepo.run({
        slug: plan.repo.slug,
        checkout: plan.repo.checkout,
        config_hash: plan.configKey,
        git_index_stamp: plan.listing ? plan.listing.gitIndexStamp : (previous?.git_index_stamp ?? null),
        dir_stamps: plan.listing ? JSON.stringify(plan.listing.dirStamps) : (previous?.dir_stamps ?? '{}'),
        // Generations only grow, across full rebuilds too: caches keyed by them never see one twice.
        generation: (previous?.generation ?? 0) + changed,
        synced_at: changed || !previous ? syncedAt : previous.synced_at,
      });
      // Every change to the repo's files rows went through its candidates or vanished rows.
      if (full || !previous || plan.candidates.length > 0 || plan.vanished.length > 0) writeRepoSummary(db, plan.repo.slug);
    }
    writeMeta(db, 'last_synced_at', syncedAt);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  // Without statistics SQLite's planner reaches for the (kind, repo) index where the id index is
  // far better (120 ms against 2 ms at 10,000 documents). Sampled statistics cost ~60 ms at that
  // size, so they are gathered on the first sync and whenever a sync rewrote a large share.
  if (full || counts.parsed >= 200 || !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) {
    db.exec('PRAGMA analysis_limit = 400; ANALYZE');
  }
}

/**
 * Hands each plan's files to the pool as soon as it and the plans before it are ready, whatever
 * the writer is doing: the plans, each resolved once its files are the pool's.
 */
function feedPool(pool: ParsePool, plans: readonly (RepoPlan | Promise<RepoPlan>)[]): Promise<RepoPlan>[] {
  let fed: Promise<unknown> = Promise.resolve();
  const ready = plans.map((next) => {
    const plan = fed.then(() => next).then((p) => {
      pool.add(p.candidates.map((c) => ({ checkout: p.repo.checkout, path: c.path, stamp: c.stamp })));
      return p;
    });
    fed = plan;
    // A plan that failed fails the writer, which awaits it; those after it fail with it unawaited.
    void plan.catch(() => undefined);
    return plan;
  });
  void fed.then(() => pool.end(), () => undefined);
  return ready;
}

/** Writes what one file holds now (`prepared`: read and parsed here or in a worker); says how its rows changed, if they did. */
function applyCandidate(
  writer: IndexWriter,
  plan: RepoPlan,
  candidate: FileCandidate,
  prepared: PreparedFile,
  full: boolean,
  counts: SyncCounts,
): FileChange['change'] | null {
  if (prepared.kind === 'gone') {
    // Never stat'ed (a full sync), it was counted as scanned and unchanged: it is neither.
    const unstatted = candidate.stamp === null;
    if (unstatted) {
      counts.scanned--;
      counts.unchanged--;
    }
    if (!candidate.row) return null;
    writer.deleteFile(candidate.row.id);
    if (!unstatted) counts.unchanged--;
    counts.removed++;
    return 'removed';
  }
  if (prepared.kind === 'unchanged') {
    counts.read++;
    writer.touchFile(candidate.row!.id, prepared.stamp, prepared.racy);
    return null;
  }
  if (prepared.read) counts.read++;
  counts.parsed++;
  counts.unchanged--;
  const record = { repo: plan.repo.slug, path: candidate.path, stamp: prepared.stamp, hash: prepared.hash, racy: prepared.racy };
  writer.writeFile(record, prepared.rows, !full && candidate.row !== undefined);
  return candidate.row && !full ? 'changed' : 'added';
}

/** An incremental sync parses a file only when its content hash moved from the recorded one. */
function prepareInProcess(writer: IndexWriter, plan: RepoPlan, candidate: FileCandidate, full: boolean): Promise<PreparedFile> {
  const row = full ? undefined : candidate.row;
  return prepareFile(plan.repo.checkout, candidate.path, candidate.stamp, (hash) => row !== undefined && storedHash(writer.db, row.id) === hash);
}

function clearEverything(db: IndexDb): void {
  for (const table of ['task_deps', 'tasks', 'interface_change_repos', 'diagnostics', 'documents', 'files', 'repos']) db.exec(`DELETE FROM ${table}`);
}

function removeUnregisteredRepos(db: IndexDb, writer: IndexWriter, known: Set<string>): void {
  const indexed = db.prepare('SELECT slug FROM repos').pluck().all() as string[];
  for (const slug of indexed) {
    if (known.has(slug)) continue;
    const fileIds = db.prepare('SELECT id FROM files WHERE repo = ?').pluck().all(slug) as number[];
    for (const id of fileIds) writer.deleteFile(id);
    db.prepare('DELETE FROM repos WHERE slug = ?').run(slug);
  }
}

function noop(): void {}
