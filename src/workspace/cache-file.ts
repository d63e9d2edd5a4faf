// A cache file beside the index (`.custodian/`): written whole or not at all, and never a reason
// for a command to fail. Readers take it or ignore it; a write that cannot be done (a read-only
// workspace, a full disk, a folder by its name) leaves the file as it was and no temp file behind.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `data` to `file` through a temp file renamed into place; false when it could not. */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left behind: no reader looks at a name ending in `.tmp`.
    }
    return false;
  }
}
