// Running git safely: no shell (started by the native addon where it is built, else execFile), an
// environment cleaned of the variables that point git at a repository (git exports them into
// hooks, where they would redirect every call we make in another repo), and typed failures.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { CustodianError } from '../errors.js';
import { nodeChildProcess } from '../lazy-builtins.js';
import { canSpawnNative, spawnNative } from './native-spawn.js';

/**
 * Variables that select a repository, index or object store. This is git's own
 * `local_repo_env` list (what git clears before working in a submodule), plus the ones a
 * hook or a namespaced push adds.
 */
export const REPO_LOCATING_GIT_VARIABLES: readonly string[] = Object.freeze([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_CONFIG',
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG_PARAMETERS',
  'GIT_DIR',
  'GIT_GRAFT_FILE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_NAMESPACE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_OBJECT_DIRECTORY',
  'GIT_PREFIX',
  'GIT_QUARANTINE_PATH',
  'GIT_REPLACE_REF_BASE',
  'GIT_SHALLOW_FILE',
  'GIT_WORK_TREE',
]);

const REMOVED = new Set(REPO_LOCATING_GIT_VARIABLES);

/** The extra environment that points git at another index file (a commit hook's); none for git's own. */
export function indexFileEnv(indexFile: string | undefined): Record<string, string> {
  return indexFile === undefined ? {} : { GIT_INDEX_FILE: indexFile };
}

/** `base` without repository-locating GIT_* variables, never prompting, taking no optional locks. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    // GIT_CONFIG_KEY_<n>/GIT_CONFIG_VALUE_<n> go with GIT_CONFIG_COUNT.
    if (REMOVED.has(key) || key.startsWith('GIT_CONFIG_KEY_') || key.startsWith('GIT_CONFIG_VALUE_')) continue;
    env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  // Readers must not take index.lock behind the user's back (git status would refresh the index).
  env.GIT_OPTIONAL_LOCKS = '0';
  return env;
}

/**
 * Settings a checkout's own config (from an archive, a shared folder, a hostile clone) could use
 * to make git run a program, overridden on every call: custodian only ever reads with git.
 * Filter drivers have names of the repo's choosing; see filterOverrides for those.
 */
export const NEUTRAL_CONFIG: readonly string[] = Object.freeze([
  'core.fsmonitor=false',
  'core.pager=cat',
  'core.hooksPath=/dev/null',
  'core.askPass=',
  'diff.external=',
  'log.showSignature=false',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'gpg.program=false',
  'gpg.openpgp.program=false',
  'gpg.x509.program=false',
  'gpg.ssh.program=false',
  'gpg.ssh.defaultKeyCommand=false',
]);

/** `-c` options plus --no-pager: global options, so they go before the subcommand. */
export function neutralGitOptions(extraConfig: readonly string[] = []): string[] {
  const options = ['--no-pager'];
  for (const setting of [...NEUTRAL_CONFIG, ...extraConfig]) options.push('-c', setting);
  return options;
}

export interface RunGitOptions {
  /**
   * Settings added after the neutral ones (`key=value`), e.g. filterOverrides() for a command that
   * reads the work tree through git's conversion (blame of an uncommitted file).
   */
  config?: readonly string[];
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (default [0]); e.g. 1 for `git config --get` with no value. */
  okExitCodes?: number[];
  /** Extra environment variables (added after the cleaning). */
  env?: Record<string, string>;
  /** Kill git after this long (default: no limit). */
  timeoutMs?: number;
  /** Largest stdout accepted (default 512 MiB). */
  maxBuffer?: number;
}

export interface GitResult<T = string> {
  stdout: T;
  stderr: string;
  exitCode: number;
}

export class GitError extends CustodianError {
  readonly args: string[];
  readonly cwd: string;
  /** git's exit code; null when git could not be started or was killed. */
  readonly gitExitCode: number | null;
  readonly stderr: string;

  constructor(message: string, info: { args: string[]; cwd: string; exitCode: number | null; stderr: string; cause?: unknown }) {
    super('internal', message, { cause: info.cause });
    this.name = 'GitError';
    this.args = info.args;
    this.cwd = info.cwd;
    this.gitExitCode = info.exitCode;
    this.stderr = info.stderr;
  }
}

/** Runs `git <args>` in `cwd`; stdout decoded as UTF-8. Throws GitError unless the exit code is ok. */
export async function runGit(cwd: string, args: string[], options: RunGitOptions = {}): Promise<GitResult> {
  const result = await runGitBuffer(cwd, args, options);
  return { ...result, stdout: result.stdout.toString('utf8') };
}

/** Like runGit, with stdout as bytes (blobs, which may not be UTF-8). */
export function runGitBuffer(cwd: string, args: string[], options: RunGitOptions = {}): Promise<GitResult<Buffer>> {
  const okExitCodes = options.okExitCodes ?? [0];
  const argv = [...neutralGitOptions(options.config), ...args];
  const env = { ...gitEnvironment(), ...options.env };
  const maxBuffer = options.maxBuffer ?? 512 * 1024 * 1024;
  return new Promise((resolvePromise, reject) => {
    const settle = (error: GitFailure | null, stdout: Buffer, stderr: string) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (exitCode !== null && okExitCodes.includes(exitCode) && !error?.killed) resolvePromise({ stdout, stderr, exitCode });
      else reject(new GitError(failureMessage(cwd, args, error, exitCode, stderr), { args, cwd, exitCode, stderr, cause: error }));
    };
    if (runGitNative(cwd, argv, env, options, maxBuffer, settle)) return;
    const child = nodeChildProcess().execFile(
      'git',
      argv,
      { cwd, env, encoding: 'buffer', maxBuffer, timeout: options.timeoutMs ?? 0, windowsHide: true },
      (error, stdout, stderr) => settle(error, stdout, stderr.toString('utf8')),
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** How a git run failed, as execFile reports it (the native start reports the same). */
type GitFailure = Error & { code?: unknown; killed?: boolean; signal?: unknown };

/**
 * runGitBuffer through the native addon (native-spawn.ts): no fork of this process. False when it
 * cannot (no addon, no git on PATH, a NUL byte in an argument): execFile then runs it, or fails
 * as it always has.
 */
function runGitNative(
  cwd: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: RunGitOptions,
  maxBuffer: number,
  settle: (error: GitFailure | null, stdout: Buffer, stderr: string) => void,
): boolean {
  if (!canSpawnNative()) return false;
  const program = gitOnPath(env.PATH);
  if (program === null) return false;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stdoutBytes = 0;
  let failure: 'too-large' | 'timed-out' | null = null;
  let timer: NodeJS.Timeout | undefined;
  const input = options.input === undefined ? Buffer.alloc(0) : typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input;
  const child = spawnNative(
    program,
    ['git', ...argv],
    { env, cwd, input, stderr: true },
    {
      onStdout: (chunk) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes <= maxBuffer) stdout.push(chunk);
        else if (failure === null) {
          failure = 'too-large';
          child?.kill();
        }
      },
      onStderr: (chunk) => stderr.push(chunk),
      onExit: ({ code, signal, errno }) => {
        clearTimeout(timer);
        const text = Buffer.concat(stderr).toString('utf8');
        let error: GitFailure | null = null;
        if (errno !== null) error = Object.assign(new Error(`spawn git ${errno}`), { code: errno });
        else if (failure === 'too-large') error = Object.assign(new Error('stdout maxBuffer length exceeded'), { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', killed: true });
        else if (code === null) error = Object.assign(new Error(`git was ended by ${signal ?? 'a signal'}`), { code: null, killed: failure === 'timed-out', signal });
        else if (code !== 0) error = Object.assign(new Error(`git exited with code ${code}`), { code });
        settle(error, Buffer.concat(stdout), text);
      },
    },
  );
  if (child === null) return false;
  if (options.timeoutMs) {
    timer = setTimeout(() => {
      failure ??= 'timed-out';
      child.kill();
    }, options.timeoutMs);
  }
  return true;
}

const gitPrograms = new Map<string, string | null>();

/** The git that a PATH search finds (as execFile's would), by absolute path; null when none is there. */
function gitOnPath(path: string | undefined): string | null {
  const key = path ?? '';
  let found = gitPrograms.get(key);
  if (found === undefined) {
    found = null;
    for (const dir of key.split(delimiter)) {
      // A relative entry names a folder relative to where git would start: left to execFile.
      if (!isAbsolute(dir)) continue;
      const candidate = join(dir, 'git');
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) {
          found = candidate;
          break;
        }
      } catch {
        // not here
      }
    }
    gitPrograms.set(key, found);
  }
  return found;
}

const filterCache = new Map<string, Promise<string[]>>();

/**
 * Empty commands for every filter driver the repo's config knows (clean, smudge, process, not
 * required), for the git commands that pass work-tree files through them (blame of an uncommitted
 * file): a `.gitattributes` naming a driver must not run it. One `git config` per repo and process.
 */
export function filterOverrides(cwd: string): Promise<string[]> {
  let found = filterCache.get(cwd);
  if (!found) {
    found = runGit(cwd, ['config', '--null', '--get-regexp', '^filter\\.'], { okExitCodes: [0, 1] }).then(
      ({ stdout }) => {
        const names = new Set<string>();
        for (const entry of stdout.split('\0')) {
          const key = entry.split('\n', 1)[0];
          const last = key.lastIndexOf('.');
          if (key.startsWith('filter.') && last > 'filter.'.length) names.add(key.slice('filter.'.length, last));
        }
        return [...names].flatMap((name) => ['clean', 'smudge', 'process'].map((v) => `filter.${name}.${v}=`).concat(`filter.${name}.required=false`));
      },
      () => [],
    );
    filterCache.set(cwd, found);
  }
  return found;
}

function failureMessage(
  cwd: string,
  args: string[],
  error: GitFailure | null,
  exitCode: number | null,
  stderr: string,
): string {
  const command = `git ${args.join(' ')}`; // without the neutral options: they are the same on every call
  if (error?.code === 'ENOENT' && !existsSync(cwd)) return `cannot run ${command}: the folder ${cwd} does not exist`;
  if (error?.code === 'ENOENT') return `cannot run git: it is not installed or not on PATH (${command} in ${cwd})`;
  if (error?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `${command} in ${cwd}: output too large`;
  if (error?.killed || exitCode === null) return `${command} in ${cwd} was stopped${error?.signal ? ` (${String(error.signal)})` : ''}`;
  const reason = stderr.trim().split('\n')[0] || `exit code ${exitCode}`;
  return `${command} failed in ${cwd}: ${reason}`;
}
