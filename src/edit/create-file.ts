// Creating a new file, never replacing one: the bytes go to a temp file beside it, which is then
// hard-linked to the name (link fails when the name exists, even if another process created it
// a moment ago), so a reader sees no file or the whole file.
import { randomHex } from '../hashing.js';
import { constants } from 'node:fs';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CustodianError } from '../errors.js';
import { fileError } from './text-file.js';

export async function createFileExclusive(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomHex(6)}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CustodianError('refused', `${path} already exists; not overwriting it`, { details: { path, reason: 'exists' } });
    }
    throw error instanceof CustodianError ? error : fileError(path, 'write', error);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
