// The tool's version, from its package.json. Found by walking up from this module, so it holds
// both in the compiled tree (dist/version.js) and in the bundle (dist/bundle/chunk-….js).
import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'custodian' && pkg.version) return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return '0.0.0';
}

export const VERSION = readVersion();
