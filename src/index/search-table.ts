// The search table is built on first use rather than by the cold sync: indexing every title and
// description costs a cold sync of 10,000 files about 40% more, and most workspaces never search.
// Once built it is kept in step by every sync (src/index/store.ts); a full rebuild drops it again.
import { readMeta, writeMeta, type IndexDb } from './db.js';

const KEY = 'search_built';

/**
 * A task's key in the search table is this plus its row id; a document's is its row id (which never
 * comes near it). Keys grow with the rows, so the table's b-trees append as rows are added: keys
 * that shrank as rows grew (negated row ids) made each insert split a page at the far end, and
 * building the table for 61,609 tasks took 27 s instead of 1.1 s.
 */
export const TASK_KEY_BASE = 2 ** 40;

export function searchBuilt(db: IndexDb): boolean {
  return readMeta(db, KEY) === '1';
}

/** Empties the table and marks it unbuilt (inside the caller's write transaction). */
export function dropSearch(db: IndexDb): void {
  db.exec("INSERT INTO search (search) VALUES ('delete-all')");
  db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
}

/** Fills the table from the indexed rows, in the caller's write transaction, unless it is built already. */
export function buildSearch(db: IndexDb): void {
  if (searchBuilt(db)) return;
  db.exec("INSERT INTO search (search) VALUES ('delete-all')");
  db.exec("INSERT INTO search (rowid, title, body) SELECT id, COALESCE(title, ''), description FROM documents WHERE kind <> 'task'");
  db.exec(`INSERT INTO search (rowid, title, body) SELECT ${TASK_KEY_BASE} + id, title, description FROM tasks ORDER BY id`);
  // One merged segment: ranking a query that matches most rows reads it about twice as fast.
  db.exec("INSERT INTO search (search) VALUES ('optimize')");
  writeMeta(db, KEY, '1');
}

/** Builds the search table if it is not built yet, under the sync lock so no sync writes meanwhile. */
export async function ensureSearch(db: IndexDb, indexPath: string): Promise<void> {
  if (searchBuilt(db)) return;
  const { withSyncLock } = await import('./sync-lock.js');
  await withSyncLock(indexPath, async () => db.transaction(() => buildSearch(db)).immediate());
}
