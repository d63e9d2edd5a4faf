// The MCP SDK and zod are pinned to exact versions, and they and every package the SDK depends on
// (transitively, as installed) declare support for Node 20: `.npmrc` has engine-strict, so a
// version that dropped Node 20 would break `npm ci` on the project's Node.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}

function manifest(from: string, name: string): { dir: string; json: Manifest } {
  // Node's lookup: node_modules of the requiring package, then of each folder above it.
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return { dir: dirname(file), json: JSON.parse(readFileSync(file, 'utf8')) };
    if (dir === dirname(dir)) throw new Error(`${name} is not installed (from ${from})`);
  }
}

/** Whether a version `[major, minor, patch]` satisfies an engines range made of `||`, `>=`, `>`, `<`, `<=`, `^`, `~`, `x`. */
function admits(range: string, version: [number, number, number]): boolean {
  const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|\^|~|=)?v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/.exec(comparator);
        if (!match) throw new Error(`cannot read engines range ${JSON.stringify(range)}`);
        const [, op = '=', ...parts] = match;
        const bound = parts.map((p) => (p === undefined || p === 'x' || p === '*' ? 0 : Number(p)));
        const exactParts = parts.filter((p) => p !== undefined && p !== 'x' && p !== '*').length;
        const c = compare(version, bound);
        switch (op) {
          case '>=':
            return c >= 0;
          case '>':
            return c > 0;
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '^':
            return c >= 0 && version[0] === bound[0];
          case '~':
            return c >= 0 && version[0] === bound[0] && (exactParts < 2 || version[1] === bound[1]);
          default:
            return version.slice(0, exactParts).every((v, i) => v === bound[i]);
        }
      }),
  );
}

describe('the MCP dependencies', () => {
  it('reads engines ranges as npm does for the forms in use', () => {
    expect(admits('>=18', [20, 0, 0])).toBe(true);
    expect(admits('>= 0.10', [20, 0, 0])).toBe(true);
    expect(admits('>=22', [20, 0, 0])).toBe(false);
    expect(admits('^18.17.0 || >=20.5.0', [20, 0, 0])).toBe(false);
    expect(admits('^18.17.0 || >=20.5.0', [20, 19, 0])).toBe(true);
  });

  it('are pinned exactly, installed as pinned, and with everything the SDK loads declare Node 20 support', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;
    for (const name of ['@modelcontextprotocol/sdk', 'zod']) {
      expect(pkg.dependencies?.[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(manifest(PROJECT_ROOT, name).json.version).toBe(pkg.dependencies![name]);
    }
    const seen = new Map<string, string | undefined>();
    const walk = (from: string, name: string) => {
      const { dir, json } = manifest(from, name);
      const key = `${json.name}@${json.version}`;
      if (seen.has(key)) return;
      seen.set(key, json.engines?.node);
      for (const dependency of Object.keys(json.dependencies ?? {})) walk(dir, dependency);
    };
    walk(PROJECT_ROOT, '@modelcontextprotocol/sdk');
    walk(PROJECT_ROOT, 'zod');
    expect(seen.size).toBeGreaterThan(10);
    const refusing = [...seen].filter(([, engines]) => engines !== undefined && !admits(engines, [20, 0, 0]));
    expect(refusing).toEqual([]);
  });
});
