// Opening the index: WAL, a busy timeout, and a schema check. A corrupt, empty, foreign or
// other-version index is discarded and rebuilt without the user doing anything: it is only a cache.
import { openSqlite, type SqliteDatabase } from '../sqlite.js';
import { close, closeSync, fdatasync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IndexSource } from '../workspace/index-path.js';
import { assertIndexTarget } from './index-target.js';
import { APPLICATION_ID, SCHEMA, SCHEMA_VERSION } from './schema.js';

export type IndexDb = SqliteDatabase;

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

/**
 * Opens (creating when needed) the index at `path`. `source` says who chose the path: one named by
 * --index or CUSTODIAN_INDEX is refused unless it holds nothing to lose or is a custodian index.
 */
export function openIndex(path: string, source: IndexSource): IndexDb {
  assertIndexTarget(path, source);
  mkdirSync(dirname(path), { recursive: true });
  try {
    return open(path);
  } catch (error) {
    if (!isCorruption(error)) throw error;
    discardIndex(path);
    return open(path);
  }
}

/** A value of the index's meta table; null when the key is not there. */
export function readMeta(db: IndexDb, key: string): string | null {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

/** Sets a value of the index's meta table (in the caller's transaction, if any). */
export function writeMeta(db: IndexDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Removes the index and its WAL files; the next open starts empty. */
export function discardIndex(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * The page size a new index is made with (set before anything else writes the file; an existing
 * index keeps its own). Task and document rows run to kilobytes: at 10,000 files a first sync
 * writes its 61,000 task rows and their indexes in ~85 % of the time on 8 KiB pages as on SQLite's
 * default 4 KiB, and the whole sync takes ~6 % less. 16 KiB pages wrote a little faster still, but
 * made `next` and `dispatch` slower by a few milliseconds (each page they touch is read whole).
 */
const NEW_INDEX_PAGE_SIZE = 'page_size = 8192';

function open(path: string): IndexDb {
  return openConfigured(path, ['busy_timeout = 15000', NEW_INDEX_PAGE_SIZE, 'journal_mode = WAL', 'synchronous = NORMAL'], ensureSchema);
}

/** Opens `path`, sets `pragmas` and runs `prepare`; a failure on the way closes it again. */
function openConfigured(path: string, pragmas: string[], prepare: (db: IndexDb) => void): IndexDb {
  const db = openSqlite(path);
  try {
    for (const pragma of pragmas) db.pragma(pragma);
    prepare(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isCurrent(db: IndexDb): boolean {
  return db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('user_version', { simple: true }) === SCHEMA_VERSION;
}

/** Creates the schema, or replaces one that is not ours or not this version, in place. */
function ensureSchema(db: IndexDb): void {
  if (isCurrent(db)) return;
  // Re-checked inside the write transaction: another process may have just created it.
  db.transaction(() => {
    if (isCurrent(db)) return;
    dropEverything(db);
    createSchema(db);
  }).immediate();
}

function createSchema(db: IndexDb): void {
  db.exec(SCHEMA);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/**
 * A new, empty index file for a build that nobody reads until it is complete and in place (see
 * buildMissingIndex in sync.ts). It is written without a journal and without syncs: there is no
 * earlier state to roll back to and no reader to keep a snapshot for, and the WAL would write
 * every page twice (once into the log, once more when checkpointed).
 */
export function createUnjournaledIndex(path: string): IndexDb {
  discardIndex(path);
  return openConfigured(path, [NEW_INDEX_PAGE_SIZE, 'journal_mode = OFF', 'synchronous = OFF'], createSchema);
}

/**
 * Starts putting a file made by createUnjournaledIndex on disk while its last rows are written, in
 * the background: sealIndex's fsync then waits only for what was written since (at 10,000 files,
 * ~50 ms instead of ~150). Best effort: whatever fails here, sealIndex's own fsync still decides.
 * Settles once its descriptor is closed: a build awaits that before it returns, so that it leaves
 * no descriptor open on a file it removes.
 */
export function flushAhead(db: IndexDb): Promise<void> {
  let fd: number;
  try {
    fd = openSync(db.name, 'r+');
  } catch {
    return Promise.resolve();
  }
  return new Promise((settle) => fdatasync(fd, () => close(fd, () => settle())));
}

/** Turns a file made by createUnjournaledIndex into an ordinary index (WAL), closed and on disk. */
export function sealIndex(db: IndexDb): void {
  const path = db.name;
  db.pragma('journal_mode = WAL');
  db.close();
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function dropEverything(db: IndexDb): void {
  const objects = db
    .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
    .all() as { type: string; name: string }[];
  for (const { type, name } of objects) db.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${name.replace(/"/g, '""')}"`);
}
