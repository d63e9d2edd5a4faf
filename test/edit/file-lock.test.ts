import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultLockDir, editTextFile, withFileLock, yamlSetValue } from '../../src/edit/index.js';
import { CustodianError } from '../../src/errors.js';
import { PROJECT_ROOT, git, gitRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

/** The lock file withFileLock uses for `path` (there is exactly one while it is held). */
async function lockFileWhileHeld(path: string, lockDir: string): Promise<string> {
  return withFileLock(path, () => readdirSync(lockDir).filter((f) => f.endsWith('.lock'))[0], { lockDir });
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('withFileLock', () => {
  test('a lock left by a dead process is taken over at once', async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'plan.md');
    writeFileSync(path, 'x\n');
    const lockName = await lockFileWhileHeld(path, lockDir);
    writeFileSync(join(lockDir, lockName), JSON.stringify({ pid: deadPid(), host: hostname(), time: '2026-01-01T00:00:00Z', nonce: 'dead', path }));
    const started = Date.now();
    expect(await withFileLock(path, () => 'ran', { lockDir, timeoutMs: 5_000 })).toBe('ran');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(readdirSync(lockDir)).toEqual([]);
  });

  test("another host's lock not refreshed for longer than the stale age is taken over", async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'plan.md');
    const lockName = await lockFileWhileHeld(path, lockDir);
    const lockFile = join(lockDir, lockName);
    // The pid of a live process, but on another host: this host cannot ask it, only the lock's age tells.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: `not-${hostname()}`, time: '2026-01-01T00:00:00Z', nonce: 'stuck', path }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    expect(await withFileLock(path, () => 'ran', { lockDir, timeoutMs: 5_000, staleMs: 30_000 })).toBe('ran');
  });

  test('a lock held by a live process of this host is never stale, however old', async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'plan.md');
    const lockName = await lockFileWhileHeld(path, lockDir);
    const lockFile = join(lockDir, lockName);
    const record = JSON.stringify({ pid: process.pid, host: hostname(), time: '2026-01-01T00:00:00Z', nonce: 'slow', path });
    writeFileSync(lockFile, record);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(lockFile, old, old);
    await expect(withFileLock(path, () => 'ran', { lockDir, timeoutMs: 300, staleMs: 1_000 })).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(lockFile, 'utf8')).toBe(record);
  });

  test('a live, fresh lock makes a waiter give up with conflict, leaving the lock alone', async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'plan.md');
    const lockName = await lockFileWhileHeld(path, lockDir);
    const record = JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), nonce: 'live', path });
    writeFileSync(join(lockDir, lockName), record);
    let error: unknown;
    try {
      await withFileLock(path, () => 'ran', { lockDir, timeoutMs: 300 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CustodianError);
    expect((error as CustodianError).code).toBe('conflict');
    expect((error as CustodianError).message).toContain(`process ${process.pid}`);
    expect(readFileSync(join(lockDir, lockName), 'utf8')).toBe(record);
  });

  test('re-entrant within one call chain, and released when the function throws', async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'plan.md');
    const nested = await withFileLock(path, () => withFileLock(path, () => 'inner', { lockDir, timeoutMs: 300 }), { lockDir });
    expect(nested).toBe('inner');
    await expect(withFileLock(path, () => Promise.reject(new Error('boom')), { lockDir })).rejects.toThrow('boom');
    expect(readdirSync(lockDir)).toEqual([]);
  });

  test('a lock taken as not re-entrant is not entered again from inside: the inner call waits for it, and gives up', async () => {
    const dir = tempDir();
    const lockDir = join(dir, 'locks');
    const path = join(dir, 'index.sqlite');
    const inner = () => withFileLock(path, () => 'inner', { lockDir, timeoutMs: 300 });
    await expect(withFileLock(path, inner, { lockDir, reentrant: false })).rejects.toMatchObject({ code: 'conflict' });
    expect(readdirSync(lockDir)).toEqual([]);
  });

  test('lock files live outside the repository: an edit leaves the work tree clean', async () => {
    const repo = gitRepo({ 'custodian.yaml': 'version: 1\ndomains: []\n' });
    await editTextFile(join(repo, 'custodian.yaml'), (file) => yamlSetValue(file.text, ['version'], 2));
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe(' M custodian.yaml\n');
    expect(defaultLockDir().startsWith(repo)).toBe(false);
  });
});

describe('lock contention across real processes', () => {
  test('4 processes x 10 read-increment-write cycles of one YAML file: the counter ends at 40', async () => {
    const dir = tempDir();
    // A bundle of the engine, so plain node child processes can run it.
    buildSync({
      entryPoints: [join(PROJECT_ROOT, 'src/edit/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(dir, 'edit.mjs'),
      logLevel: 'silent',
      // `yaml` is CommonJS and requires node built-ins: give the ESM bundle a require().
      banner: { js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);" },
    });
    // The packages loaded on first use (js-yaml, for the YAML with a comment below) are required at
    // run time, as the CLI bundle requires them: from the project's node_modules.
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(
      join(dir, 'worker.mjs'),
      [
        "import { editTextFile, yamlGetScalar, yamlSetValue } from './edit.mjs';",
        'const [file, lockDir] = process.argv.slice(2);',
        'for (let i = 0; i < 10; i++) {',
        '  await editTextFile(file, async (f) => {',
        "    const count = yamlGetScalar(f.text, ['counter']).value;",
        '    // Widen the window between read and write: without the lock, updates would be lost.',
        '    await new Promise((r) => setTimeout(r, 3));',
        "    return yamlSetValue(f.text, ['counter'], count + 1);",
        '  }, { lock: { lockDir } });',
        '}',
      ].join('\n'),
    );
    const file = join(dir, 'counter.yaml');
    writeFileSync(file, '# shared by the workers\r\ncounter: 0 # incremented under the lock\r\n');
    const lockDir = join(dir, 'locks');
    const exits = await Promise.all(
      Array.from({ length: 4 }, () => {
        const child = spawn(process.execPath, [join(dir, 'worker.mjs'), file, lockDir], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
      }),
    );
    expect(exits).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    expect(readFileSync(file, 'utf8')).toBe('# shared by the workers\r\ncounter: 40 # incremented under the lock\r\n');
    expect(readdirSync(dir).sort()).toEqual(['counter.yaml', 'edit.mjs', 'locks', 'node_modules', 'worker.mjs']);
    expect(existsSync(lockDir) ? readdirSync(lockDir) : []).toEqual([]);
  }, 60_000);
});
