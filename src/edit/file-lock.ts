// An exclusive lock per file across processes, so two agents' read-modify-write cycles on one
// file never interleave. Lock files live outside the repository (a crash never leaves litter
// in a work tree), are created with O_EXCL, and name their holder so a dead holder's lock can
// be taken over.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomHex, sha1Hex } from '../hashing.js';
import { constants } from 'node:fs';
import { chmod, mkdir, open, readFile, realpath, stat, unlink, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CustodianError } from '../errors.js';
import { processAlive } from './process-alive.js';

export interface FileLockOptions {
  /** Where lock files live (default `<tmpdir>/custodian-locks`). */
  lockDir?: string;
  /** How long to wait for a held lock before giving up with `conflict` (default 10 s). */
  timeoutMs?: number;
  /**
   * Another host's lock not refreshed for this long is taken over (default 30 s): its holder
   * cannot be asked whether it lives. A lock of this host is taken over only when its process is gone.
   */
  staleMs?: number;
  /**
   * Whether `fn` may take this same lock again, and then goes on at once instead of waiting for
   * itself (default true). Knowing it costs a hook on every promise `fn` makes (Node's async
   * context tracking, enabled for the rest of the process): a lock whose holders never take it
   * again, held around a whole sync, passes false.
   */
  reentrant?: boolean;
}

interface LockRecord {
  pid: number;
  host: string;
  time: string;
  nonce: string;
  path: string;
}

const TAKEOVER_GUARD_STALE_MS = 5_000;
const UNWRITTEN_RECORD_STALE_MS = 5_000;

// Keys of the locks held by the current async call chain: a nested withFileLock on the same file
// (a caller holding the lock calls editTextFile) runs at once instead of waiting for itself.
const heldLocks = new AsyncLocalStorage<ReadonlySet<string>>();

export function defaultLockDir(): string {
  return join(tmpdir(), 'custodian-locks');
}

export async function withFileLock<T>(path: string, fn: () => T | Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const realPath = await realPathOfTarget(path);
  const key = sha1Hex(realPath);
  const held = heldLocks.getStore() ?? new Set<string>();
  if (held.has(key)) return fn();
  const lockDir = options.lockDir ?? defaultLockDir();
  const lockFile = join(lockDir, `${key}.lock`);
  const staleMs = options.staleMs ?? 30_000;
  const record: LockRecord = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    nonce: randomHex(8),
    path: realPath,
  };
  await acquire(lockFile, lockDir, record, options.timeoutMs ?? 10_000, staleMs);
  // Refresh the lock's mtime so a slow but live holder is never taken for a stale one.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockFile, now, now).catch(() => undefined);
  }, Math.max(50, Math.floor(staleMs / 3)));
  heartbeat.unref();
  try {
    return await (options.reentrant === false ? fn() : heldLocks.run(new Set([...held, key]), fn));
  } finally {
    clearInterval(heartbeat);
    await release(lockFile, record.nonce);
  }
}

/** The lock is keyed by the real path, so two spellings of one file (a symlink, `..`) share it. */
async function realPathOfTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    try {
      return join(await realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

async function acquire(lockFile: string, lockDir: string, record: LockRecord, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    if (await tryCreate(lockFile, lockDir, record)) return;
    if (await removeIfStale(lockFile, staleMs)) continue;
    if (Date.now() >= deadline) {
      const holder = await readRecord(lockFile);
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.time}` : 'another process';
      throw new CustodianError('conflict', `${record.path} is being edited by ${who}; try again`, {
        details: { path: record.path, lock_file: lockFile },
      });
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 1.5, 100);
  }
}

async function tryCreate(lockFile: string, lockDir: string, record: LockRecord): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
    await createLockDir(lockDir);
    return tryCreate(lockFile, lockDir, record);
  }
  try {
    await handle.writeFile(JSON.stringify(record));
  } finally {
    await handle.close();
  }
  return true;
}

/** Shared by every user of the machine, like /tmp itself: world-writable with the sticky bit. */
async function createLockDir(lockDir: string): Promise<void> {
  await mkdir(lockDir, { recursive: true, mode: 0o1777 });
  await chmod(lockDir, 0o1777).catch(() => undefined);
}

/**
 * Removes the lock when its holder is dead (same host, pid gone) or, for another host's lock
 * (or one whose record is still being written), when it has not been refreshed for `staleMs`. Only one waiter may take a stale lock over: the removal happens under a short
 * O_EXCL guard and only if the lock is still the very one judged stale (same content and mtime),
 * so a waiter never deletes a fresh lock another waiter has just created.
 */
async function removeIfStale(lockFile: string, staleMs: number): Promise<boolean> {
  const seen = await snapshot(lockFile);
  if (seen === null) return true;
  if (!isStale(seen, staleMs)) return false;
  const guard = `${lockFile}.takeover`;
  let handle;
  try {
    handle = await open(guard, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard outliving its few milliseconds of use belongs to a waiter that died holding it.
    const guardAge = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (guardAge > TAKEOVER_GUARD_STALE_MS) await unlink(guard).catch(() => undefined);
    return false;
  }
  await handle.close();
  try {
    const again = await snapshot(lockFile);
    if (again === null) return true;
    if (again.content !== seen.content || again.mtimeMs !== seen.mtimeMs) return false;
    await unlink(lockFile).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

interface LockSnapshot {
  content: string;
  mtimeMs: number;
  record: LockRecord | null;
}

async function snapshot(lockFile: string): Promise<LockSnapshot | null> {
  try {
    const [content, stats] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    return { content, mtimeMs: stats.mtimeMs, record: parseRecord(content) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale(seen: LockSnapshot, staleMs: number): boolean {
  const record = seen.record;
  // A live process of this host holds its lock however long it takes (a slow sync of a huge
  // workspace, a machine suspended mid-write): only its death frees the lock.
  if (record !== null && record.host === hostname()) return !processAlive(record.pid);
  // Distance from now, either way: a lock from the future (a skewed clock, a restored backup)
  // would otherwise look fresh for as long as the skew.
  const age = Math.abs(Date.now() - seen.mtimeMs);
  // The holder writes its record right after creating the file: one still empty (or garbled)
  // after a moment belongs to a process that died in between.
  if (record === null) return age > UNWRITTEN_RECORD_STALE_MS;
  // Another host's process cannot be asked: only age can tell.
  return age > staleMs;
}

async function release(lockFile: string, nonce: string): Promise<void> {
  // A lock taken over after it went stale now belongs to someone else: leave theirs alone.
  const record = await readRecord(lockFile);
  if (record?.nonce === nonce) await unlink(lockFile).catch(() => undefined);
}

async function readRecord(lockFile: string): Promise<LockRecord | null> {
  try {
    return parseRecord(await readFile(lockFile, 'utf8'));
  } catch {
    return null;
  }
}

function parseRecord(content: string): LockRecord | null {
  try {
    const value = JSON.parse(content) as Partial<LockRecord>;
    if (typeof value.pid !== 'number' || typeof value.nonce !== 'string') return null;
    return {
      pid: value.pid,
      host: String(value.host ?? ''),
      time: String(value.time ?? ''),
      nonce: value.nonce,
      path: String(value.path ?? ''),
    };
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
