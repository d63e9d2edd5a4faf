// `--path` as the user typed it (relative to where they stand) → as the registry stores it
// (relative to the workspace folder, so the registry reads the same from anywhere).
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface RegistryPath {
  /** What goes into custodian.yaml. */
  value: string;
  /** Where it is on this machine. */
  absolute: string;
}

/**
 * An absolute path or one starting with `~` is kept as written; a relative one is taken from
 * the current folder and written relative to the workspace folder, with `/` separators.
 */
export function registryPath(root: string, given: string, cwd: string, env: NodeJS.ProcessEnv = process.env): RegistryPath {
  if (given === '~' || given.startsWith('~/')) {
    const home = env.HOME || homedir();
    return { value: given, absolute: given === '~' ? home : join(home, given.slice(2)) };
  }
  if (isAbsolute(given)) return { value: given, absolute: resolve(given) };
  const absolute = resolve(cwd, given);
  const rel = relative(root, absolute) || '.';
  return { value: sep === '/' ? rel : rel.split(sep).join('/'), absolute };
}
