// Serialises syncs: an exclusive lock file beside the index (the edit engine's file lock, kept in
// the index's own folder rather than the temp folder so every process using this index sees it).
import { dirname } from 'node:path';
import { withFileLock } from '../edit/file-lock.js';

export function withSyncLock<T>(indexPath: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(indexPath, fn, { lockDir: dirname(indexPath), timeoutMs: 300_000 });
}
