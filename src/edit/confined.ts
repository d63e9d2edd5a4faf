// Where custodian may read and write: regular files whose real path is inside a given folder (the
// workspace for the registry, the repo for its documents). A symbolic link leaving that folder
// (to a shared .gitignore, a secrets file, another checkout), a FIFO or a device is refused before
// it is opened: its content is never read, so it can never be echoed or overwritten.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { CustodianError, type ErrorCode } from '../errors.js';

export const DANGLING = 'a symbolic link to nothing';

/**
 * Why `path` may not be read or written as a file of `root` (`rootName`: "the workspace", "the
 * repository"), or null when it may. A missing file may be created when the folder it would be
 * created in is inside `root`.
 */
export function confinementProblem(path: string, root: string, rootName: string): string | null {
  const realRoot = realOrNull(root);
  if (realRoot === null) return `${rootName} folder ${root} does not exist`;
  const link = lstatOrNull(path);
  if (link === null) {
    const parent = nearestExisting(dirname(path));
    return parent !== null && inside(parent, realRoot) ? null : `its folder is outside ${rootName}`;
  }
  const real = realOrNull(path);
  if (real === null) return DANGLING;
  if (!inside(real, realRoot)) return link.isSymbolicLink() ? `a symbolic link leading out of ${rootName}` : `outside ${rootName}`;
  const target = link.isSymbolicLink() ? statOrNull(real) : link;
  if (!target?.isFile()) return 'not a regular file';
  return null;
}

/**
 * Throws `code` when `path` exists but may not be read as a file of `root`. A missing file, or a
 * link to nothing, passes: the caller's read finds no file, as it would without the link.
 */
export function assertReadableInside(path: string, root: string, rootName: string, code: ErrorCode): void {
  const problem = confinementProblem(path, root, rootName);
  if (problem === null || problem === DANGLING || lstatOrNull(path) === null) return;
  throw new CustodianError(code, `${path}: not read: ${problem}`, { details: { path, reason: 'outside' } });
}

function inside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

function nearestExisting(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const real = realOrNull(current);
    if (real !== null) return real;
    if (dirname(current) === current) return null;
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
