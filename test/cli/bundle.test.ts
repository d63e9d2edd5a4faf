// Start-up loads no package from node_modules but better-sqlite3's native addon: the CLI bundle
// carries commander and better-sqlite3's JavaScript (scripts/build.mjs), because resolving and
// loading their dozens of small CommonJS files cost every command ~10 ms. esbuild marks each
// bundled file with a `// node_modules/<path>` comment. Nor does a read command that starts no
// process load node:child_process.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, gitEnv, PROJECT_ROOT, removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const BUNDLE = join(PROJECT_ROOT, 'dist', 'bundle');
const chunks = () => readdirSync(BUNDLE).filter((f) => f.endsWith('.js'));
const read = (chunk: string) => readFileSync(join(BUNDLE, chunk), 'utf8');

describe('the CLI bundle', () => {
  it.each(['commander', 'better-sqlite3'])('carries %s, and no chunk loads it from node_modules', (pkg) => {
    const name = pkg.replace(/[-/]/g, '\\$&');
    const external = new RegExp(`from\\s*["']${name}["']|require\\(\\s*["']${name}["']\\s*\\)|import\\(\\s*["']${name}["']\\s*\\)`);
    expect(chunks().filter((c) => external.test(read(c)))).toEqual([]);
    const bundled = new RegExp(`^// (?:\\S*/)?node_modules/${name}/`, 'm');
    expect(chunks().some((c) => bundled.test(read(c)))).toBe(true);
  });

  it('starts a read command that runs no git without loading node:child_process (~5 ms with its net and streams)', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    expect(runCli(['-w', ws.root, 'sync']).code).toBe(0);
    // Node's list of the built-in modules a process loaded, written as it exits.
    const preload = join(tempDir(), 'loaded.cjs');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',') + '\\n'));\n");
    const run = spawnSync(process.execPath, ['-r', preload, CLI, '-w', ws.root, 'next', '--json'], { env: gitEnv(), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).task.id).toBe('A-1-T1');
    const loaded = /LOADED (.*)/.exec(run.stderr)![1].split(',');
    expect(loaded).toContain('NativeModule fs');
    expect(loaded).not.toContain('NativeModule child_process');
  });

  it('never reaches for the bindings module, which would probe for the addon beside the bundle', () => {
    expect(chunks().filter((c) => /^\/\/ (?:\S*\/)?node_modules\/bindings\//m.test(read(c)))).toEqual([]);
  });
});
