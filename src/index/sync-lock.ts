// Serialises syncs: an exclusive lock file beside the index (the edit engine's file lock, kept in
// the index's own folder rather than the temp folder so every process using this index sees it).
import { dirname } from 'node:path';
import { withFileLock } from '../edit/file-lock.js';
import { CustodianError } from '../errors.js';

export function withSyncLock<T>(indexPath: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(indexPath, fn, { lockDir: dirname(indexPath), timeoutMs: 300_000 });
}

/** Runs `fn` under the sync lock if no other process holds it now; false, without running it, if one does. */
export async function withSyncLockIfFree(indexPath: string, fn: () => Promise<void>): Promise<boolean> {
  let held = false;
  try {
    await withFileLock(
      indexPath,
      async () => {
        held = true;
        await fn();
      },
      { lockDir: dirname(indexPath), timeoutMs: 0 },
    );
    return true;
  } catch (error) {
    if (!held && error instanceof CustodianError && error.code === 'conflict') return false;
    throw error;
  }
}
