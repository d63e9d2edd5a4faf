// What a read command loads when the index is up to date: no Node built-in it does not use.
// node:crypto costs ~5 ms (more as an ES module import, whose namespace loads WebCrypto), the
// `performance` global loads perf_hooks (~2 ms) and node:child_process loads net, dgram and the
// streams (~3-6 ms); on the no-op path nothing is hashed, timed that way or run, so none may be
// loaded (src/lazy-builtins.ts, src/index/sync.ts, scripts/build.mjs for commander's). The same
// probe on a command that does hash (a changed file is read again) shows it sees what is loaded:
// without the native addon (CUSTODIAN_NATIVE=0) node:crypto takes every hash, so its loading is
// the sign that a file was read; with the addon, hashing loads it no more (src/hashing.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSyncLock } from '../../src/index/sync-lock.js';
import { nativeAddon } from '../../src/native/addon.js';
import { removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const WITHOUT_ADDON = { CUSTODIAN_NATIVE: '0' };

/** Runs the CLI with a preload that records, at exit, the built-ins loaded after it. */
function loadedBuiltins(ws: string, args: string[], env: Record<string, string> = {}): string[] {
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
  const result = runCli(['-w', ws, ...args], { env: { ...env, NODE_OPTIONS: `--import ${probe}` } });
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
  ])('`%s …` loads neither node:crypto, perf_hooks nor child_process', (...args) => {
    const loaded = loadedBuiltins(ws.root, args);
    expect(loaded).toContain('os'); // the probe sees what loads after it
    expect(loaded.filter((m) => m === 'crypto' || m === 'perf_hooks' || m === 'child_process')).toEqual([]);
  });

  it('a command that reads a changed file hashes it, and the probe sees node:crypto load (without the addon)', () => {
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'in_progress']]));
    expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto');
  });

  it.skipIf(!nativeAddon()?.digestHex)('with the addon, a command that reads a changed file hashes it without node:crypto', () => {
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'blocked']]));
    const loaded = loadedBuiltins(ws.root, ['next', '--json']);
    expect(loaded).toContain('os');
    expect(loaded).not.toContain('crypto');
    // The file is still racy (changed under 3 s ago), so the next command reads it again: without
    // the addon that read is seen hashing.
    expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto');
  });
});

// node:crypto's loading says a file was read and hashed, so these run without the addon.
describe('a file read too soon after its change (racy)', () => {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_100));

  it('is read again by every command until one finds the sync lock free: that one clears its flag, never waiting for the lock', async () => {
    expect(runCli(['-w', ws.root, 'sync']).code).toBe(0);
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'in_progress']]));
    expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto'); // read and indexed, flagged racy
    await settle();
    // Another process holds the sync lock: the command answers from the index as it is.
    await withSyncLock(join(ws.root, '.custodian', 'index.sqlite'), async () => {
      expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto');
    });
    expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto'); // the lock is free: clears the flag
    expect(loadedBuiltins(ws.root, ['next', '--json'], WITHOUT_ADDON)).not.toContain('crypto'); // nothing left to re-read
  });

  it('is left flagged, and the command answers, when the sync lock cannot be taken at all', async () => {
    const other = tempWorkspace({ beta: { 'workplans/B-1.md': workplan('B-1', [['B-1-T1', 'todo']]) } });
    expect(runCli(['-w', other.root, 'sync']).code).toBe(0);
    writeFileSync(join(other.repo('beta'), 'workplans/B-1.md'), workplan('B-1', [['B-1-T1', 'done'], ['B-1-T2', 'todo']]));
    expect(runCli(['-w', other.root, 'next', '--json']).code).toBe(0);
    await settle();
    // Something that is not a lock file where the lock file goes (as a folder this user may not
    // write would): taking the lock fails outright, and clearing the flag waits for another command.
    const index = realpathSync(join(other.root, '.custodian', 'index.sqlite'));
    const lock = join(dirname(index), `${createHash('sha1').update(index).digest('hex')}.lock`);
    mkdirSync(lock);
    const answer = runCli(['-w', other.root, 'next', '--json']);
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout).task).toMatchObject({ id: 'B-1-T2', status: 'todo' });
    rmSync(lock, { recursive: true });
    expect(loadedBuiltins(other.root, ['next', '--json'], WITHOUT_ADDON)).toContain('crypto'); // still flagged: cleared now
    expect(loadedBuiltins(other.root, ['next', '--json'], WITHOUT_ADDON)).not.toContain('crypto');
  });
});
