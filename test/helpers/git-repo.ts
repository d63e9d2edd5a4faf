// Temp git repositories built from a map of file contents, and the real CLI run as a subprocess.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(PROJECT_ROOT, 'bin', 'custodian.js');

const tempDirs: string[] = [];

/** A fresh temp folder (real path, so comparisons with git's output hold). */
export function tempDir(prefix = 'custodian-test-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type FileMap = Record<string, string | Buffer>;

export function writeFiles(root: string, files: FileMap): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Environment for git in tests: no inherited GIT_* variables, a fixed identity. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: process.env.HOME ?? tmpdir(),
    ...extra,
  };
}

/** Runs git; its stderr is captured (a failure throws with it in the message), never printed. */
export function git(cwd: string, args: string[], extraEnv: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, env: gitEnv(extraEnv), encoding: 'utf8', stdio: 'pipe' });
}

export interface GitRepoOptions {
  /** Commit the files (default true). */
  commit?: boolean;
  /** Commit date, e.g. '2026-01-01T00:00:00Z' (author and committer). */
  date?: string;
  origin?: string;
}

/** A temp git repository holding `files`, committed unless `commit: false`. */
export function gitRepo(files: FileMap = {}, options: GitRepoOptions = {}): string {
  const root = tempDir('custodian-repo-');
  git(root, ['init', '-q', '-b', 'main']);
  writeFiles(root, files);
  if (options.origin) git(root, ['remote', 'add', 'origin', options.origin]);
  if (options.commit !== false && Object.keys(files).length > 0) commitAll(root, 'initial', options.date);
  return root;
}

export function commitAll(root: string, message: string, date?: string): void {
  const env: Record<string, string> = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  git(root, ['add', '-A'], env);
  git(root, ['commit', '-q', '--allow-empty', '-m', message], env);
}

/**
 * Commits `theirs` on a new branch from main and `ours` on main, then merges the branch into main:
 * true when git merged, false when it stopped (a conflict: the index then holds the stages).
 */
export function mergeBranch(repo: string, theirs: FileMap, ours: FileMap, branch = 'other'): boolean {
  git(repo, ['checkout', '-q', '-b', branch]);
  writeFiles(repo, theirs);
  commitAll(repo, branch);
  git(repo, ['checkout', '-q', 'main']);
  writeFiles(repo, ours);
  commitAll(repo, 'main');
  try {
    git(repo, ['merge', '-q', '--no-edit', branch]);
    return true;
  } catch {
    return false;
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/custodian.js …` (the compiled CLI) as a subprocess. */
/** Far above any one command of the suite (the slowest, a first sync of 1,200 files, takes seconds). */
const CLI_TIMEOUT_MS = 180_000;

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...gitEnv(), NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // spawnSync blocks vitest's worker, so no test timeout can end a CLI that hangs: this does,
    // and the test then fails with the command named instead of stalling the whole run.
    timeout: CLI_TIMEOUT_MS,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { code: -1, stdout: result.stdout, stderr: `${result.stderr}\ncustodian ${args.join(' ')}: no answer within ${CLI_TIMEOUT_MS} ms` };
  }
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Parses the CLI's stdout as JSON, failing with the output when it is not. */
export function runCliJson<T = any>(args: string[], options: Parameters<typeof runCli>[1] = {}): { code: number; json: T; stderr: string } {
  const result = runCli(args, options);
  try {
    return { code: result.code, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/**
 * A Node script as a child process without blocking the test process: a test that runs slow
 * commands (the CLI many times in a row, tsc) keeps the event loop free, so vitest's worker can
 * still report (a worker blocked for 60 s fails the whole run).
 */
export function runNodeAsync(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr, signal });
    });
  });
}

/** runCli without blocking the test process (see runNodeAsync). */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  const env: Record<string, string | undefined> = { ...gitEnv(), NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return runNodeAsync([CLI, ...args], { cwd: options.cwd, env, timeoutMs: options.timeoutMs });
}

export async function runCliJsonAsync<T = any>(args: string[], options: Parameters<typeof runCliAsync>[1] = {}): Promise<{ code: number; json: T; stderr: string }> {
  const result = await runCliAsync(args, options);
  try {
    return { code: result.code, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** A `git` on PATH that records every call, then runs the real git. */
export function gitRecorder(): { env: Record<string, string>; calls: () => string[] } {
  const bin = tempDir('custodian-bin-');
  const log = join(bin, 'calls.log');
  const realGit = ['/usr/bin/git', '/usr/local/bin/git', '/bin/git'].find(existsSync) ?? 'git';
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec ${realGit} "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH}` },
    // Without the options every call carries (--no-pager, -c overrides of program-running settings).
    calls: () =>
      (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []).map((c) => c.replace(/^--no-pager (?:-c \S+ )*/, '')),
  };
}
