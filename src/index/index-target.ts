// Whether a path may become (or stay) the index. The default location is custodian's own cache:
// whatever is there is rebuilt. A path named by --index or CUSTODIAN_INDEX may be a typo or a wrong
// variable pointing at custodian.yaml, a workplan or another program's database: it is written only
// when it holds nothing to lose (missing, empty, a SQLite file with no tables) or is a custodian index.
import { openSqlite, type SqliteDatabase } from '../sqlite.js';
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { CustodianError } from '../errors.js';
import type { IndexSource } from '../workspace/index-path.js';
import { APPLICATION_ID } from './schema.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const APPLICATION_ID_OFFSET = 68;

export function assertIndexTarget(path: string, source: IndexSource): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return;
  // A folder, FIFO or device is never an index; opening a FIFO would wait forever.
  if (!stats.isFile()) throw refusal(path, source, 'it is not a regular file');
  if (source === 'default' || stats.size === 0) return;
  const header = readHeader(path);
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw refusal(path, source, 'it is not a SQLite database');
  }
  if (header.readUInt32BE(APPLICATION_ID_OFFSET) === APPLICATION_ID) return;
  // The header on disk may predate a change still in the WAL (a custodian index created and
  // killed before its first checkpoint): ask SQLite, read-only.
  if (!holdsForeignData(path)) return;
  throw refusal(path, source, 'it is a SQLite database that custodian did not create');
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function holdsForeignData(path: string): boolean {
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return false;
    return (db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number) > 0;
  } catch {
    return true; // unreadable or corrupt: not ours to judge, so not ours to overwrite
  } finally {
    db?.close();
  }
}

function refusal(path: string, source: IndexSource, why: string): CustodianError {
  return new CustodianError(
    'invalid-workspace',
    `${source} ${path}: not a custodian index (${why}); refusing to overwrite it. ` +
      `Point ${source} at a new or empty file, or at an existing custodian index.`,
  );
}
