// Starting a program without forking Node (native/spawn_process.c): Node 20's child_process forks
// the whole process (8-14 ms of the main thread at ~60 MB, and ~7 ms loading child_process, net
// and dgram the first time); posix_spawn on a thread of the addon's costs the main thread nothing.
// git.ts and git-batch.ts start git this way where the addon is built, and through child_process
// where it is not.
import { constants } from 'node:os';
import { nativeAddon } from '../native/addon.js';

export interface NativeSpawn {
  /** See native/spawn_process.c. Absent from an addon built before it. */
  spawnProcess?(
    file: string,
    argv: string[],
    env: string[],
    cwd: string | null,
    input: Uint8Array | null,
    captureStderr: boolean,
    onEvent: (kind: number, data: Buffer | number, signal?: number, errno?: number) => void,
  ): number;
  killProcess?(id: number, signal: number): boolean;
}

export interface NativeSpawnOptions {
  /** Its whole environment. */
  env: NodeJS.ProcessEnv;
  /** The folder it starts in; this process's when absent. */
  cwd?: string;
  /** Written to its stdin, which is then closed; /dev/null when absent. */
  input?: Uint8Array;
  /** Whether stderr is read (onStderr); /dev/null when not. */
  stderr?: boolean;
}

export interface NativeExit {
  /** The exit code; null when a signal ended it or it did not start. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why it did not start (`ENOENT`: no such program or folder); null when it started. */
  errno: string | null;
}

export interface NativeSpawnHandlers {
  onStdout(chunk: Buffer): void;
  onStderr?(chunk: Buffer): void;
  onExit(exit: NativeExit): void;
}

export interface NativeChild {
  /** Sends `signal` unless it has ended (never to a process that took its pid since). */
  kill(signal?: NodeJS.Signals): void;
}

const EVENT = { stdout: 1, stderr: 2, end: 3 } as const;

/** Whether programs can be started through the addon here (it was built, and has spawnProcess). */
export function canSpawnNative(native = nativeAddon()): boolean {
  return native?.spawnProcess !== undefined && native.killProcess !== undefined;
}

/**
 * Starts `file` (an absolute path: no PATH search) with `argv` (from argv[0]); the handlers get its
 * output as it comes, then its end. Null when the addon cannot start it (there is none, or a
 * string holds a NUL byte): nothing is called then, and the caller starts it the usual way, to
 * fail as Node would.
 */
export function spawnNative(file: string, argv: readonly string[], options: NativeSpawnOptions, handlers: NativeSpawnHandlers, native = nativeAddon()): NativeChild | null {
  if (!native?.spawnProcess || !native.killProcess) return null;
  const { killProcess } = native;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) pairs.push(`${name}=${value}`);
  const id = native.spawnProcess(file, [...argv], pairs, options.cwd ?? null, options.input ?? null, options.stderr === true, (kind, data, signal, errno) => {
    if (kind === EVENT.stdout) handlers.onStdout(data as Buffer);
    else if (kind === EVENT.stderr) handlers.onStderr?.(data as Buffer);
    else handlers.onExit({ code: (data as number) >= 0 ? (data as number) : null, signal: signalName(signal ?? 0), errno: errnoName(errno ?? 0) });
  });
  if (id === 0) return null;
  return { kill: (signal = 'SIGTERM') => void killProcess(id, constants.signals[signal]) };
}

function signalName(number: number): NodeJS.Signals | null {
  if (number === 0) return null;
  for (const [name, value] of Object.entries(constants.signals)) if (value === number) return name as NodeJS.Signals;
  return null;
}

function errnoName(number: number): string | null {
  if (number === 0) return null;
  for (const [name, value] of Object.entries(constants.errno)) if (value === number) return name;
  return `errno ${number}`;
}
