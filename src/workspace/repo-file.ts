// Reading one file of a repo safely: the one routine sync, check and parse share, so a file is
// refused for the same reason, in the same words, whichever command reads it. It never follows a
// link out of the repo, never blocks on a FIFO or a device (opened non-blocking, then checked to
// be a regular file), and never reads past the size cap.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { MAX_FILE_BYTES, overSizeCap } from '../documents/text.js';
import { escapedNamePath, UNREADABLE } from './file-names.js';

export type RepoFileRead =
  /** `linked`: read through a symbolic link, `stats` being its target's. */
  | { ok: true; bytes: Buffer; stats: Stats; linked: boolean }
  /** The file is there but cannot be read as a document: reported as `file/unreadable`. */
  | { ok: false; problem: string };


const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Reads `path` (relative to `root`, or as given when `root` is null: `custodian parse` reads what
 * it is told). Inside a repo a symbolic link is read only when its real path stays in the repo.
 * Null when the file is gone (git may still list a tracked file deleted from disk), or in a repo
 * is no longer a regular file.
 */
export function readRepoFile(root: string | null, path: string): RepoFileRead | null {
  const abs = root === null ? path : join(root, path);
  let fd: number;
  try {
    // O_NOFOLLOW: a link fails with ELOOP and is looked at; O_NONBLOCK: a FIFO does not hang the open.
    fd = openSync(abs, constants.O_RDONLY | NONBLOCK | (root === null ? 0 : NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (root !== null && (code === 'ELOOP' || code === 'EMLINK')) return readLink(root, abs);
    if (code === 'ENOENT' || code === 'ENOTDIR') return root === null ? null : escapedNameRead(root, path);
    if (code === 'EISDIR') return root === null ? { ok: false, problem: 'is a directory' } : null;
    return { ok: false, problem: (error as Error).message };
  }
  try {
    return readOpen(fd, root !== null, false);
  } finally {
    closeSync(fd);
  }
}

/** A name git listed escaped (not UTF-8) that exists as bytes: the same file/unreadable answer from every command. */
function escapedNameRead(root: string, path: string): RepoFileRead | null {
  const bytesPath = escapedNamePath(root, path);
  // lstat, not exists: a dangling link with such a name is reported too.
  if (bytesPath === null || !lstatSync(bytesPath, { throwIfNoEntry: false })) return null;
  return { ok: false, problem: UNREADABLE.nameNotUtf8 };
}

/** Where a link inside the repo leads: its target's real path and stats, or why it is not read. */
export function linkTarget(root: string, abs: string): { target: string; stats: Stats } | { problem: string } {
  const target = realpathOrNull(abs);
  const realRoot = realpathOrNull(root) ?? root;
  if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) return { problem: UNREADABLE.linkOut };
  const stats = statOrNull(target);
  if (!stats?.isFile()) return { problem: UNREADABLE.linkNotFile };
  return { target, stats };
}

function readLink(root: string, abs: string): RepoFileRead | null {
  const found = linkTarget(root, abs);
  if ('problem' in found) return { ok: false, problem: found.problem };
  let fd: number;
  try {
    fd = openSync(found.target, constants.O_RDONLY | NONBLOCK);
  } catch {
    return null;
  }
  try {
    return readOpen(fd, true, true);
  } finally {
    closeSync(fd);
  }
}

/** In a repo, what is no longer a regular file is no longer a document (as sync's listing sees it): gone. */
function readOpen(fd: number, inRepo: boolean, linked: boolean): RepoFileRead | null {
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    if (inRepo) return null;
    return { ok: false, problem: stats.isDirectory() ? 'is a directory' : 'is not a regular file' };
  }
  if (stats.size > MAX_FILE_BYTES) return { ok: false, problem: overSizeCap(stats.size) };
  try {
    return { ok: true, bytes: readSize(fd, stats.size), stats, linked };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/**
 * The file's bytes as of the stat: `size` of them, fewer if it shrank meanwhile (readFileSync would
 * stat the file again to learn what the caller knows; a file grown since is read next sync, its
 * stamp having moved).
 */
function readSize(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, null);
    if (n === 0) return bytes.subarray(0, read);
    read += n;
  }
  return bytes;
}

function realpathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** The stats a path leads to (links followed); null when there is nothing there to stat. */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
