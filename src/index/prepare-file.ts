// What one file holds now: read, hashed and (unless its rows stand) parsed into rows. This half of
// writing a file needs no index, so a full sync can run it in worker threads (parse-pool.ts) while
// the main thread writes rows; an incremental sync runs it in-process, asking first whether the
// content changed.
import { parseFile, unreadableResult } from '../documents/parse.js';
import { readHashed } from './file-content.js';
import { fileStamp, isRacy, statStamp } from './stamps.js';
import { fileRows, type FileRows } from './store.js';

export type PreparedFile =
  /** Vanished between the listing and the read (or, not stat'ed before, no file at all). */
  | { kind: 'gone' }
  /** Read, and `unchanged` said the recorded rows still hold its content. */
  | { kind: 'unchanged'; stamp: string; hash: string; racy: boolean }
  /**
   * Parsed (`read`), or there but unreadable (`read` false: the rows hold its file/unreadable
   * diagnostic). A null hash means the rows must not be trusted as the file's (see below).
   */
  | { kind: 'parsed'; stamp: string; read: boolean; hash: string | null; racy: boolean; rows: FileRows };

/**
 * `stamp`: the file's stat stamp, taken before this read; null when it was not stat'ed (a full
 * sync), and then the stamp is taken here, still before the bytes are read: a regular file's from
 * the stat its read makes first; anything else (a link, a file that cannot be read, an escaped
 * name) is stamped as the plan stamps it (fileStamp) and read again.
 */
export async function prepareFile(
  checkout: string,
  path: string,
  stamp: string | null,
  unchanged: (hash: string) => boolean = () => false,
): Promise<PreparedFile> {
  const readAt = Date.now();
  let read = readHashed(checkout, path);
  if (stamp === null) {
    if (read?.ok && !read.linked) stamp = statStamp(read.stats);
    else {
      const found = fileStamp(checkout, path);
      if (found === null) return { kind: 'gone' };
      stamp = found.stamp;
      read = readHashed(checkout, path);
    }
  }
  if (read === null) return { kind: 'gone' };
  if (!read.ok) return { kind: 'parsed', stamp, read: false, hash: null, racy: false, rows: fileRows(unreadableResult(path, read.problem)) };
  const { hash } = read;
  const racy = isRacy(read.stats, readAt);
  if (unchanged(hash)) return { kind: 'unchanged', stamp, hash, racy };
  const result = await parseFile(path, read.content);
  const rows = fileRows(result);
  // A result cut short by a time limit is not an answer about this content: no hash, and
  // flagged racy, so the next sync reads and parses the file again.
  if (result.transient) return { kind: 'parsed', stamp, read: true, hash: null, racy: true, rows };
  return { kind: 'parsed', stamp, read: true, hash, racy, rows };
}
