// The write half of sync, loaded only when the cheap check found something to do: reads,
// hashes and parses changed files and replaces their rows in one IMMEDIATE transaction.
import { parseFile, unreadableResult } from '../documents/parse.js';
import { contentHash } from '../documents/text.js';
import type { ParseResult } from '../documents/model.js';
import type { Workspace } from '../workspace/types.js';
import type { IndexDb } from './db.js';
import { readCandidate, type FileCandidate, type RepoPlan } from './plan.js';
import { isRacy } from './stamps.js';
import { storedHash, writeRepoSummary } from './state.js';
import { dropSearch, searchBuilt } from './search-table.js';
import { IndexWriter } from './store.js';
import type { FileChange, SyncCounts } from './sync.js';

/** `prune`: the plans cover the whole workspace, so repos no longer registered are removed. */
export async function applyPlans(
  db: IndexDb,
  ws: Workspace,
  plans: RepoPlan[],
  full: boolean,
  counts: SyncCounts,
  changes: FileChange[],
  prune = true,
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
      // Every change to the repo's files rows went through its candidates or vanished rows.
      if (full || !previous || plan.candidates.length > 0 || plan.vanished.length > 0) writeRepoSummary(db, plan.repo.slug);
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('last_synced_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(syncedAt);
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
  const readAt = Date.now();
  const read = readCandidate(plan.repo.checkout, candidate);
  if (read === null) {
    if (!candidate.row) return null;
    writer.deleteFile(candidate.row.id);
    counts.unchanged--;
    counts.removed++;
    return 'removed';
  }
  if (!read.ok) {
    result = unreadableResult(candidate.path, read.problem);
  } else {
    counts.read++;
    record.hash = contentHash(read.bytes);
    record.racy = isRacy(read.stats, readAt);
    if (!full && candidate.row && storedHash(writer.db, candidate.row.id) === record.hash) {
      writer.touchFile(candidate.row.id, candidate.stamp, record.racy);
      return null;
    }
    result = await parseFile(candidate.path, read.bytes);
    if (result.transient) {
      // A result cut short by a time limit is not an answer about this content: no hash, and
      // flagged racy, so the next sync reads and parses the file again.
      record.hash = null;
      record.racy = true;
    }
  }
  counts.parsed++;
  counts.unchanged--;
  writer.writeFile(record, result, !full && candidate.row !== undefined);
  return candidate.row && !full ? 'changed' : 'added';
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
