// Serialises syncs: an exclusive lock file beside the index.
import { withLockFile } from '../edit/lock.js';

export function withSyncLock<T>(indexPath: string, fn: () => Promise<T>): Promise<T> {
  return withLockFile(`${indexPath}.lock`, fn, { timeoutMs: 120_000 });
}
