// One git command in many folders with few processes. Starting a process costs the CLI 8-14 ms of
// its own time on the machines we measure (fork of a large process), and a first sync of 50 repos
// lists 50 of them: the calls made in one turn of the event loop are run by a small POSIX shell
// that starts the gits instead, a couple of shells in parallel. Each folder's output is followed by
// a random boundary and git's exit status, so no output, whatever its bytes, can end another's
// early. A folder where git failed runs again alone (runGitBuffer), so its error is git's own.
import { execFile } from 'node:child_process';
import { nodeCrypto } from '../node-crypto.js';
import { availableParallelism } from 'node:os';
import { gitEnvironment, indexFileEnv, neutralGitOptions, runGitBuffer } from './git.js';

interface GitRequest {
  cwd: string;
  args: readonly string[];
  /** GIT_INDEX_FILE for this call (a commit hook's index); none: git's own. */
  indexFile?: string;
}

interface Queued extends GitRequest {
  resolve(stdout: Buffer): void;
  reject(error: unknown): void;
}

let queue: Queued[] | null = null;

/**
 * stdout of `git <args>` in `cwd`, as runGitBuffer answers it (and fails), sharing processes with
 * the calls made in the same turn. `indexFile`: the GIT_INDEX_FILE git reads (runGit's environment
 * has none).
 */
export function batchedGit(cwd: string, args: string[], options: { indexFile?: string } = {}): Promise<Buffer> {
  // Windows has no /bin/sh: one process a call there.
  if (process.platform === 'win32') return runGitBuffer(cwd, args, { env: indexFileEnv(options.indexFile) }).then((r) => r.stdout);
  return new Promise((resolve, reject) => {
    if (queue === null) {
      queue = [];
      setImmediate(flushQueue);
    }
    queue.push({ cwd, args, indexFile: options.indexFile, resolve, reject });
  });
}

function flushQueue(): void {
  const batch = queue ?? [];
  queue = null;
  const alone = (q: Queued) => runGitBuffer(q.cwd, [...q.args], { env: indexFileEnv(q.indexFile) }).then((r) => q.resolve(r.stdout), q.reject);
  if (batch.length === 1) {
    void alone(batch[0]);
    return;
  }
  void runGitMany(batch).then(
    (outputs) => outputs.forEach((stdout, i) => (stdout === null ? void alone(batch[i]) : batch[i].resolve(stdout))),
    () => batch.forEach((q) => void alone(q)),
  );
}

// Arguments: the boundary, then per folder: the folder, its GIT_INDEX_FILE or an empty one for
// none, the number of git arguments, the arguments. eval sees only references to positional
// parameters ("${3}") and to $d and $x, never their values.
const SCRIPT = `b=$1; shift
while [ $# -gt 0 ]; do
  d=$1; x=$2; k=$3; shift 3
  r=''; i=1
  while [ "$i" -le "$k" ]; do r="$r \\"\\\${$i}\\""; i=$((i + 1)); done
  e=''; if [ -n "$x" ]; then e='GIT_INDEX_FILE="$x" '; fi
  eval "$e""git -C \\"\\$d\\" $r" </dev/null 2>/dev/null
  s=$?
  shift "$k"
  printf '%s %s\\n' "$b" "$s"
done
`;

/**
 * Runs `git <neutral options> <args>` in each request's folder: stdout of each that exited 0, null
 * for each that failed or was not reached (the shell stopped). Never throws for a git failure.
 */
async function runGitMany(requests: readonly GitRequest[]): Promise<(Buffer | null)[]> {
  const shells = Math.max(1, Math.min(availableParallelism(), Math.ceil(requests.length / 4)));
  // At most 100 folders a shell, so the arguments stay far below the system's limit (ARG_MAX).
  const share = Math.min(100, Math.ceil(requests.length / shells));
  const parts: Promise<(Buffer | null)[]>[] = [];
  for (let start = 0; start < requests.length; start += share) parts.push(runShell(requests.slice(start, start + share)));
  return (await Promise.all(parts)).flat();
}

function runShell(requests: readonly GitRequest[]): Promise<(Buffer | null)[]> {
  const boundary = `custodian-${nodeCrypto().randomBytes(16).toString('hex')}`;
  const argv = ['-c', SCRIPT, 'sh', boundary];
  for (const { cwd, args, indexFile } of requests) {
    const git = [...neutralGitOptions(), ...args];
    argv.push(cwd, indexFile ?? '', String(git.length), ...git);
  }
  return new Promise((resolve) => {
    execFile('/bin/sh', argv, { env: gitEnvironment(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, windowsHide: true }, (_error, stdout) => {
      // Whatever stopped the shell, the folders it finished are framed; the rest are null.
      resolve(splitFrames(stdout ?? Buffer.alloc(0), Buffer.from(`${boundary} `), requests.length));
    });
  });
}

function splitFrames(stdout: Buffer, boundary: Buffer, count: number): (Buffer | null)[] {
  const out: (Buffer | null)[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const at = stdout.indexOf(boundary, offset);
    const end = at < 0 ? -1 : stdout.indexOf(0x0a, at + boundary.length);
    if (at < 0 || end < 0) {
      while (out.length < count) out.push(null);
      break;
    }
    const status = stdout.subarray(at + boundary.length, end).toString('latin1');
    out.push(status === '0' ? stdout.subarray(offset, at) : null);
    offset = end + 1;
  }
  return out;
}
