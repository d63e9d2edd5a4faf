// Start-up loads no package from node_modules but better-sqlite3's native addon: the CLI bundle
// carries commander, better-sqlite3's JavaScript and picomatch (scripts/build.mjs), because
// resolving and loading their small CommonJS files cost every command ~10 ms (a sync that lists a
// repo, picomatch's ~7 more). esbuild marks each
// bundled file with a `// node_modules/<path>` comment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

const BUNDLE = join(PROJECT_ROOT, 'dist', 'bundle');
const chunks = () => readdirSync(BUNDLE).filter((f) => f.endsWith('.mjs'));
const read = (chunk: string) => readFileSync(join(BUNDLE, chunk), 'utf8');

describe('the CLI bundle', () => {
  it.each(['commander', 'better-sqlite3', 'picomatch'])('carries %s, and no chunk loads it from node_modules', (pkg) => {
    const name = pkg.replace(/[-/]/g, '\\$&');
    const external = new RegExp(`from\\s*["']${name}["']|require\\(\\s*["']${name}["']\\s*\\)|import\\(\\s*["']${name}["']\\s*\\)`);
    expect(chunks().filter((c) => external.test(read(c)))).toEqual([]);
    const bundled = new RegExp(`^// (?:\\S*/)?node_modules/${name}/`, 'm');
    expect(chunks().some((c) => bundled.test(read(c)))).toBe(true);
  });

  it('gives a require() only to the chunks that call one (each costs a command ~50 µs to load)', () => {
    const banner = /^import \{ createRequire as __bundleCreateRequire \} from 'node:module'; const require = __bundleCreateRequire\(import\.meta\.url\);\n/;
    const withBanner = chunks().filter((c) => banner.test(read(c)));
    const calling = chunks().filter((c) => /\brequire\b/.test(read(c).replace(banner, '')));
    expect(withBanner.sort()).toEqual(calling.sort());
    expect(withBanner).toContain('main.mjs'); // commander's require() calls
    expect(withBanner.length).toBeLessThan(chunks().length / 10);
  });

  it('never reaches for the bindings module, which would probe for the addon beside the bundle', () => {
    expect(chunks().filter((c) => /^\/\/ (?:\S*\/)?node_modules\/bindings\//m.test(read(c)))).toEqual([]);
  });
});
