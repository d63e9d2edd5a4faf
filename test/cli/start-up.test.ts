// What a read command loads when the index is up to date: no Node built-in it does not use. An
// ES module import of node:crypto loads WebCrypto and its streams (~9 ms) and the `performance`
// global loads perf_hooks (~2 ms); on the no-op path nothing is hashed or timed that way, so
// neither may be loaded (src/node-crypto.ts, src/index/sync.ts). The same probe on a command that
// does hash (a changed file is read again) shows it sees what is loaded.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSyncLock } from '../../src/index/sync-lock.js';
import { removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

/** Runs the CLI with a preload that records, at exit, the built-ins loaded after it. */
function loadedBuiltins(ws: string, args: string[]): string[] {
  const dir = tempDir('custodian-probe-');
  const probe = join(dir, 'probe.mjs');
  const out = join(dir, 'loaded.json');
  writeFileSync(
    probe,
    [
      "import { writeFileSync } from 'node:fs';",
      'const before = new Set(process.moduleLoadList);',
      `process.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));`,
    ].join('\n'),
  );
  const result = runCli(['-w', ws, ...args], { env: { NODE_OPTIONS: `--import ${probe}` } });
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
}

describe('start-up of a read command on an up-to-date index', () => {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });

  beforeAll(async () => {
    // A file changed less than RACY_WINDOW_MS (3 s) before it was read is read again by every
    // command until a sync finds it settled: only then is the index up to date with no reading.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect(runCli(['-w', ws.root, 'sync']).code).toBe(0);
  });

  it.each([
    ['next', '--json'],
    ['task', 'list', '--json', '--repo', 'alpha'],
    ['dispatch', 'alpha', '--json'],
  ])('`%s …` loads neither node:crypto nor perf_hooks', (...args) => {
    const loaded = loadedBuiltins(ws.root, args);
    expect(loaded).toContain('child_process'); // the probe sees what loads after it
    expect(loaded.filter((m) => m === 'crypto' || m === 'perf_hooks')).toEqual([]);
  });

  it('a command that reads a changed file hashes it, and the probe sees node:crypto load', () => {
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'in_progress']]));
    expect(loadedBuiltins(ws.root, ['next', '--json'])).toContain('crypto');
  });
});

describe('a file read too soon after its change (racy)', () => {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_100));

  it('is read again by every command until one finds the sync lock free: that one clears its flag, never waiting for the lock', async () => {
    expect(runCli(['-w', ws.root, 'sync']).code).toBe(0);
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'in_progress']]));
    expect(loadedBuiltins(ws.root, ['next', '--json'])).toContain('crypto'); // read and indexed, flagged racy
    await settle();
    // Another process holds the sync lock: the command answers from the index as it is.
    await withSyncLock(join(ws.root, '.custodian', 'index.sqlite'), async () => {
      expect(loadedBuiltins(ws.root, ['next', '--json'])).toContain('crypto');
    });
    expect(loadedBuiltins(ws.root, ['next', '--json'])).toContain('crypto'); // the lock is free: clears the flag
    expect(loadedBuiltins(ws.root, ['next', '--json'])).not.toContain('crypto'); // nothing left to re-read
  });
});
