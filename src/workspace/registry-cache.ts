// The checked registry, cached by the content of the files it came from: every command loads the
// registry, and reading it again costs the YAML reader and the schema validators (~35 ms of
// imports) for a file that rarely changes. Keyed by content, never by mtime; best effort both
// ways (a cache that cannot be read or written is simply not used).
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from './cache-file.js';
import type { Registry } from './registry.js';
import { CONFIG_FILE_NAME, LOCAL_FILE_NAME } from './types.js';

const CACHE_FORMAT = 2;

function cacheFile(root: string): string {
  return join(root, '.custodian', 'registry.json');
}

/**
 * A key for the registry files' bytes and everything else the loaded registry depends on: the
 * bytes themselves (a few kilobytes), not a digest of them, so no command that finds the index
 * up to date loads node:crypto (src/lazy-builtins.ts) just to compare them.
 */
export function registryKey(root: string, context: { hostname: string; home: string | undefined; version: string }): string | null {
  const parts: unknown[] = [CACHE_FORMAT, root, context];
  for (const name of [CONFIG_FILE_NAME, LOCAL_FILE_NAME]) {
    // Only plain files are cached: a link or a FIFO goes to the loader, which checks where it leads.
    const stats = lstatSync(join(root, name), { throwIfNoEntry: false });
    if (stats && !stats.isFile()) return null;
    try {
      // latin1 maps every byte to one character: any bytes, valid UTF-8 or not, make a distinct key.
      parts.push(name, readFileSync(join(root, name)).toString('latin1'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
      parts.push(name, null);
    }
  }
  return JSON.stringify(parts);
}

export function readCachedRegistry(root: string, key: string): Registry | null {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { key: string; registry: Registry };
    return cached.key === key ? cached.registry : null;
  } catch {
    return null;
  }
}

/** A read-only workspace still works; it just reads the registry every time. */
export function writeCachedRegistry(root: string, key: string, registry: Registry): void {
  writeCacheFile(cacheFile(root), JSON.stringify({ key, registry }));
}
