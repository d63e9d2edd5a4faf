// Serialises syncs: an exclusive lock file beside the index (the edit engine's file lock, kept in
// the index's own folder rather than the temp folder so every process using this index sees it).
import { dirname } from 'node:path';
import { withFileLock, type FileLockOptions } from '../edit/file-lock.js';

/** Nothing done under the sync lock takes it again: its holders need no nesting tracked. */
const options = (indexPath: string, timeoutMs: number): FileLockOptions => ({ lockDir: dirname(indexPath), timeoutMs, reentrant: false });

export function withSyncLock<T>(indexPath: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(indexPath, fn, options(indexPath, 300_000));
}

/**
 * Runs `fn` under the sync lock if it can be taken now; false, without running it, if another
 * process holds it, or if it cannot be taken at all (a folder this user may not write): the
 * callers only tidy up (clearing racy flags), which can wait for another command.
 */
export async function withSyncLockIfFree(indexPath: string, fn: () => Promise<void>): Promise<boolean> {
  let held = false;
  try {
    await withFileLock(
      indexPath,
      async () => {
        held = true;
        await fn();
      },
      options(indexPath, 0),
    );
    return true;
  } catch (error) {
    if (held) throw error;
    return false;
  }
}
