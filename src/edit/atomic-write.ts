// Writes a file so that a reader sees either the old bytes or the new ones, never a half
// write: a hidden temp file beside the target, fsync, rename over, fsync the folder.
import { randomHex } from '../hashing.js';
import { constants } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CustodianError } from '../errors.js';
import { contentHash } from '../documents/text.js';
import { processAlive } from './process-alive.js';
import { fileError } from './text-file.js';

export interface AtomicWriteOptions {
  /** contentHash of the bytes the caller read; the write is refused with `conflict` when the file no longer has them. */
  expectedHash?: string;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    await writeThroughTemp(path, data, options);
  } catch (error) {
    throw error instanceof CustodianError ? error : fileError(path, 'write', error);
  }
}

async function writeThroughTemp(path: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  // Write through a symbolic link to its target, so the link stays a link.
  const target = await realpathIfExists(path);
  const dir = dirname(target);
  await removeLeftoverTemps(dir);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomHex(6)}.tmp`);
  const mode = await existingMode(target);
  let tempCreated = false;
  try {
    // A new file gets the usual 0o666 minus umask, as any program creating it would.
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    tempCreated = true;
    try {
      await handle.writeFile(data);
      // open()'s mode passes through the umask; an existing file keeps its exact mode.
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expectedHash !== undefined) await assertUnchanged(target, options.expectedHash);
    await rename(temp, target);
    tempCreated = false;
    await syncFolder(dir);
  } finally {
    if (tempCreated) await unlink(temp).catch(() => undefined);
  }
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** A temp file lives for the milliseconds of one write; one this old belongs to no running write. */
const ABANDONED_MS = 3600_000;
/** Younger than this, a temp file may be another host's write in progress (its pid means nothing here). */
const SETTLED_MS = 10_000;

/**
 * Removes the temp files of writes killed before their rename (kill -9, a crash, power loss), so a
 * crash leaves no litter in the work tree beyond the next write in that folder: those of a
 * process of this machine that is gone, or any past the age no write lasts. Best effort.
 */
async function removeLeftoverTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const age = await lstat(path).then((s) => now - s.mtimeMs, () => -1);
    if (age < 0) continue;
    const pid = Number(match[1]);
    if (age > ABANDONED_MS || (age > SETTLED_MS && pid !== process.pid && !processAlive(pid))) await unlink(path).catch(() => undefined);
  }
}

/**
 * Re-hashes the target just before the rename: another writer that does not take our lock
 * (an editor, git checkout) may have changed it since it was read.
 */
async function assertUnchanged(target: string, expectedHash: string): Promise<void> {
  let current: Buffer | null;
  try {
    current = await readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    current = null;
  }
  if (current === null || contentHash(current) !== expectedHash) {
    throw new CustodianError('conflict', `${target} changed since it was read; not overwriting it (retry the command)`, {
      details: { path: target, reason: current === null ? 'deleted' : 'modified' },
    });
  }
}

async function realpathIfExists(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

async function existingMode(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Makes the rename itself durable; some platforms cannot fsync a folder, which only weakens durability. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // EISDIR/EPERM/EINVAL on platforms without folder fsync: the rename already happened.
  } finally {
    await handle?.close();
  }
}
