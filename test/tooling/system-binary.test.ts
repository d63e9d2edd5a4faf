// The shared system-binary helper: found binaries, loud skips, hard failures under CI=true, and a
// throwaway PostgreSQL cluster that works when the tests run as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { postgresBinaries, startPostgres, systemBinary } from '../helpers/system-binary.js';

const savedCi = process.env.CI;
afterEach(() => {
  if (savedCi === undefined) delete process.env.CI;
  else process.env.CI = savedCi;
  vi.restoreAllMocks();
});

test('a binary on PATH is found by its absolute path', () => {
  const git = systemBinary('git');
  expect(git.available).toBe(true);
  expect(isAbsolute(git.path)).toBe(true);
  expect(spawnSync(git.path, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^git version/);
});

test('the first available alternative wins, reported under the first name', () => {
  const found = systemBinary(['custodian-no-such-binary', 'git']);
  expect(found).toMatchObject({ name: 'custodian-no-such-binary', available: true });
  expect(found.path.endsWith('/git')).toBe(true);
});

test('outside CI a missing binary is skipped loudly, naming it and its package', () => {
  delete process.env.CI;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const missing = systemBinary('custodian-no-such-binary', { packageName: 'custodian-pkg' });
  expect(missing).toEqual({ name: 'custodian-no-such-binary', available: false, path: '' });
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0][0]).toContain('SKIPPED: system binary custodian-no-such-binary not found');
  expect(warn.mock.calls[0][0]).toContain('scripts/test-deps.sh` (Debian package custodian-pkg)');
});

test('under CI=true a missing binary is a failure', () => {
  process.env.CI = 'true';
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  expect(() => systemBinary('custodian-no-such-binary')).toThrow(/^CI=true: system binary custodian-no-such-binary not found/);
  expect(warn).not.toHaveBeenCalled();
});

const pg = postgresBinaries();
describe.skipIf(!pg.available)('PostgreSQL', () => {
  test('initdb, pg_ctl and postgres come from one installation', () => {
    expect(dirname(pg.pgCtl)).toBe(dirname(pg.initdb));
    expect(dirname(pg.postgres)).toBe(dirname(pg.initdb));
  });

  test('a throwaway cluster answers on loopback and is gone after stop()', async () => {
    const cluster = await startPostgres(pg);
    const psql = join(dirname(pg.initdb), 'psql');
    const query = () =>
      spawnSync(psql, ['-X', '-At', '-h', cluster.host, '-p', String(cluster.port), '-U', cluster.user, '-d', 'postgres', '-c', 'select 40 + 2'], {
        encoding: 'utf8',
      });
    try {
      const answer = query();
      expect(answer.stderr).toBe('');
      expect(answer.stdout.trim()).toBe('42');
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.dataDir)).toBe(false);
    expect(query().status).not.toBe(0);
  });
});
