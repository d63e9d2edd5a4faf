// Where custodian's own files are: the installed package's folder, found by walking up from this
// module to the package.json named custodian, so it holds in the compiled tree (dist/…), in the
// bundle (dist/bundle/chunk-….js) and in the sources. Links that must resolve (a rule's docs, the
// registry's JSON Schema) point at the files the package ships, not at a web site.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface PackageInfo {
  root: string;
  version: string;
}

let found: PackageInfo | null | undefined;

export function packageInfo(): PackageInfo | null {
  if (found !== undefined) return found;
  found = null;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    dir = dirname(dir);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'custodian' && pkg.version) {
        found = { root: dir, version: pkg.version };
        break;
      }
    } catch {
      // not at this depth
    }
  }
  return found;
}

/** Absolute path of a file the package ships (`docs/rules.md`), or null when the package cannot be found. */
export function packageFilePath(relative: string): string | null {
  const info = packageInfo();
  return info === null ? null : join(info.root, relative);
}

/** A `file:` URL of a file the package ships; the relative path itself when the package cannot be found. */
export function packageFileUrl(relative: string): string {
  const path = packageFilePath(relative);
  return path === null ? relative : pathToFileURL(path).href;
}
