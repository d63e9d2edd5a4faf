// System binaries the tests need (nats-server, PostgreSQL's initdb/pg_ctl, chromium, pre-commit).
// `scripts/test-deps.sh` installs them (`npm test` runs it). Every suite that needs one uses this:
//
//   const nats = systemBinary('nats-server');
//   describe.skipIf(!nats.available)('hub over NATS', () => { … spawn(nats.path, …) … });
//
//   const pg = postgresBinaries();
//   describe.skipIf(!pg.available)('hub on PostgreSQL', () => {
//     let cluster: PostgresCluster;
//     beforeAll(async () => { cluster = await startPostgres(); });   // initdb + pg_ctl start
//     afterAll(() => cluster?.stop());
//     … connect to cluster.url …
//   });
//
// A missing binary is a FAILURE under CI=true (the call throws while the file is collected) and
// a loud console.warn naming the binary elsewhere, so a skipped suite is never silent.
// PostgreSQL: Debian keeps initdb/pg_ctl in /usr/lib/postgresql/<version>/bin (off PATH), and
// they refuse to run as root, so as root they run as the `postgres` user (runuser, else su).
import { spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface SystemBinary {
  /** The name asked for (the first of several alternatives). */
  name: string;
  available: boolean;
  /** Absolute path; '' when not available (use only under `skipIf(!available)`). */
  path: string;
}

const inCi = () => process.env.CI === 'true';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, then in the extra folders. */
function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function reportMissing(what: string, packageName: string): void {
  const message =
    `system binary ${what} not found: the tests that need it cannot run. ` +
    `Install it with \`bash scripts/test-deps.sh\` (Debian package ${packageName}).`;
  if (inCi()) throw new Error(`CI=true: ${message}`);
  console.warn(`\n!!! SKIPPED: ${message}\n`);
}

/**
 * Finds a system binary. `names` may list alternatives (`['chromium', 'chromium-browser']`);
 * `packageName` is the Debian package named in the message when it is missing.
 */
export function systemBinary(names: string | string[], options: { packageName?: string; extraDirs?: string[] } = {}): SystemBinary {
  const list = Array.isArray(names) ? names : [names];
  for (const name of list) {
    const path = findExecutable(name, options.extraDirs);
    if (path) return { name: list[0], available: true, path };
  }
  reportMissing(list.join(' / '), options.packageName ?? list[0]);
  return { name: list[0], available: false, path: '' };
}

/** Debian's /usr/lib/postgresql/<version>/bin folders, newest version first. */
function postgresBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  try {
    return readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => join(root, v, 'bin'));
  } catch {
    return [];
  }
}

export interface PostgresBinaries {
  available: boolean;
  /** Absolute paths ('' when not available). */
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** Runs as the `postgres` user when this process is root (initdb and pg_ctl refuse root). */
  asRoot: boolean;
}

/** initdb, pg_ctl and postgres from one PostgreSQL installation (Debian's folder first). */
export function postgresBinaries(): PostgresBinaries {
  const asRoot = process.getuid?.() === 0;
  for (const dir of [...postgresBinDirs(), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)]) {
    const [initdb, pgCtl, postgres] = ['initdb', 'pg_ctl', 'postgres'].map((n) => join(dir, n));
    if (isExecutable(initdb) && isExecutable(pgCtl) && isExecutable(postgres)) {
      if (asRoot && !findExecutable('runuser') && !findExecutable('su')) break;
      return { available: true, initdb, pgCtl, postgres, asRoot };
    }
  }
  reportMissing(asRoot ? 'initdb / pg_ctl / postgres (and runuser or su, as root)' : 'initdb / pg_ctl / postgres', 'postgresql');
  return { available: false, initdb: '', pgCtl: '', postgres: '', asRoot };
}

/** The command line that runs `binary args` as the `postgres` user when we are root. */
export function postgresCommand(pg: PostgresBinaries, binary: string, args: string[]): { command: string; args: string[] } {
  if (!pg.asRoot) return { command: binary, args };
  const runuser = findExecutable('runuser');
  if (runuser) return { command: runuser, args: ['-u', 'postgres', '--', binary, ...args] };
  const quoted = [binary, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return { command: findExecutable('su') ?? 'su', args: ['postgres', '-s', '/bin/sh', '-c', quoted] };
}

function runPostgresTool(pg: PostgresBinaries, binary: string, args: string[]): void {
  const { command, args: argv } = postgresCommand(pg, binary, args);
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  url: string;
  host: string;
  port: number;
  user: string;
  dataDir: string;
  /** Stops the server and removes its files. */
  stop(): void;
}

/** A throwaway PostgreSQL cluster on loopback (initdb + pg_ctl start), owned by the test. */
export async function startPostgres(pg: PostgresBinaries = postgresBinaries()): Promise<PostgresCluster> {
  if (!pg.available) throw new Error('PostgreSQL binaries are not available (guard the suite with postgresBinaries().available)');
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'custodian-pg-')));
  const dataDir = join(base, 'data');
  if (pg.asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(base, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const port = await freePort();
  runPostgresTool(pg, pg.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`;
  runPostgresTool(pg, pg.pgCtl, ['-D', dataDir, '-l', join(base, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    user: 'postgres',
    dataDir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPostgresTool(pg, pg.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
