// Starting a program and reading its stdout without forking Node (native/spawn_reading.c): Node
// 20's child_process forks the whole process (8-14 ms of the main thread at ~60 MB, and ~7 ms
// loading child_process, net and dgram the first time); posix_spawn on a thread of the addon's
// costs the main thread nothing. Callers keep child_process for where the addon is not there.
import { nativeAddon } from '../native/addon.js';

export interface NativeSpawn {
  /**
   * Starts `file` (an absolute path) with `argv` (from argv[0]) and exactly the `env` strings
   * ("NAME=value"), stdin and stderr on /dev/null; `onData` gets each chunk of its stdout, then
   * (null, status): its exit status, 128 + the signal that ended it, or -1 when it could not
   * start. false when nothing was started (a NUL byte in a string, no thread): nothing is called.
   * Absent from an addon built before it.
   */
  spawnReading?(file: string, argv: string[], env: string[], onData: (chunk: Buffer | null, status?: number) => void): boolean;
}

/** Where the program ended: its exit status, 128 + its signal, or -1 when it did not start. */
export type ExitStatus = number;

/** Whether spawnReading can start programs here (the addon was built and has it). */
export function canSpawnReading(native = nativeAddon()): boolean {
  return native?.spawnReading !== undefined;
}

/**
 * spawnReading through the addon: `onData(chunk)` for each chunk of stdout, then `onEnd(status)`.
 * false when the addon cannot start it (there is none, or an argument holds a NUL byte): nothing
 * is called then, and the caller starts it the usual way, to fail as Node would.
 */
export function spawnReading(
  file: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  onData: (chunk: Buffer) => void,
  onEnd: (status: ExitStatus) => void,
  native = nativeAddon(),
): boolean {
  if (!native?.spawnReading) return false;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(env)) if (value !== undefined) pairs.push(`${name}=${value}`);
  return native.spawnReading(file, [...argv], pairs, (chunk, status) => (chunk === null ? onEnd(status ?? -1) : onData(chunk)));
}
