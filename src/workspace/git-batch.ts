// One git command in many folders with few processes. Starting a process costs the CLI 8-14 ms of
// its own time on the machines we measure (fork of a large process), and a first sync of 50 repos
// lists 50 of them: the calls made in one turn of the event loop are run by a small POSIX shell
// that starts the gits instead, a couple of shells in parallel. Each folder's output is followed by
// a random boundary and git's exit status, so no output, whatever its bytes, can end another's
// early. A folder where git failed runs again alone (runGitBuffer), so its error is git's own.
// The shell is started by the native addon where it was built (native-spawn.ts: no fork of Node
// at all), else by child_process.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { randomHex } from '../hashing.js';
import { nodeChildProcess } from '../lazy-builtins.js';
import { availableParallelism } from 'node:os';
import { gitEnvironment, indexFileEnv, neutralGitOptions, runGitBuffer } from './git.js';
import { spawnNative } from './native-spawn.js';

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
  runGitMany(batch, (i, stdout) => (stdout === null ? void alone(batch[i]) : batch[i].resolve(stdout)));
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
 * Runs `git <neutral options> <args>` in each request's folder and answers each as soon as its git
 * has finished (a sync starts on the first repos' lists while git lists the rest): its stdout when
 * it exited 0, null when it failed or was not reached (the shell stopped). Never throws for a git
 * failure.
 */
function runGitMany(requests: readonly GitRequest[], answer: (index: number, stdout: Buffer | null) => void): void {
  const shells = Math.max(1, Math.min(availableParallelism(), Math.ceil(requests.length / 4)));
  // At most 100 folders a shell, so the arguments stay far below the system's limit (ARG_MAX).
  const parts = Math.ceil(requests.length / Math.min(100, Math.ceil(requests.length / shells)));
  // Dealt out in turn, so the answers come back roughly in the order they were asked for.
  for (let part = 0; part < parts; part++) {
    const indexes = requests.map((_, i) => i).filter((i) => i % parts === part);
    runShell(
      indexes.map((i) => requests[i]),
      (j, stdout) => answer(indexes[j], stdout),
    );
  }
}

function runShell(requests: readonly GitRequest[], answer: (index: number, stdout: Buffer | null) => void): void {
  const boundary = Buffer.from(`custodian-${randomHex(16)} `);
  const argv = ['-c', SCRIPT, 'sh', boundary.subarray(0, -1).toString('latin1')];
  for (const { cwd, args, indexFile } of requests) {
    const git = [...neutralGitOptions(), ...args];
    argv.push(cwd, indexFile ?? '', String(git.length), ...git);
  }
  let answered = 0;
  const rest = () => {
    // Whatever stopped the shell, the folders it finished were answered; the rest are null.
    while (answered < requests.length) answer(answered++, null);
  };
  const frames = new FrameReader(boundary);
  const onData = (chunk: Buffer) => {
    for (const frame of frames.push(chunk)) if (answered < requests.length) answer(answered++, frame);
  };
  if (spawnNative('/bin/sh', ['/bin/sh', ...argv], { env: gitEnvironment() }, { onStdout: onData, onExit: rest })) return;
  let shell: ChildProcessByStdio<null, Readable, null>;
  try {
    shell = nodeChildProcess().spawn('/bin/sh', argv, { env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    // spawn refuses some arguments at once (a NUL byte in a registry's include glob): each folder
    // then runs alone, and fails with its own error instead of nobody's.
    rest();
    return;
  }
  shell.on('error', rest);
  shell.on('close', rest);
  shell.stdout.on('data', onData);
}

/**
 * Splits the shell's output into each folder's: its bytes, then the boundary, git's exit status and
 * a newline. A frame whose git failed comes out as null.
 */
class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Where the boundary may start in `pending`: the bytes before were searched already. */
  private from = 0;

  constructor(private readonly boundary: Buffer) {}

  push(chunk: Buffer): (Buffer | null)[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: (Buffer | null)[] = [];
    for (;;) {
      const at = this.pending.indexOf(this.boundary, this.from);
      if (at < 0) {
        this.from = Math.max(0, this.pending.length - this.boundary.length + 1);
        return frames;
      }
      const end = this.pending.indexOf(0x0a, at + this.boundary.length);
      if (end < 0) {
        this.from = at;
        return frames;
      }
      const status = this.pending.subarray(at + this.boundary.length, end).toString('latin1');
      frames.push(status === '0' ? this.pending.subarray(0, at) : null);
      this.pending = this.pending.subarray(end + 1);
      this.from = 0;
    }
  }
}
