// Which files of a repo are planning documents: git's list (tracked, and untracked but not
// ignored; it never descends through a symbolic link) filtered by the repo's include globs.
// A folder that is not inside a git work tree is not a repo (sync reports it, as DoI C2 does).
import { join } from 'node:path';
import { findGitDirs } from '../workspace/git-dirs.js';
import { listFiles } from '../workspace/git-facts.js';

export async function listIncludedFiles(checkout: string, include: readonly string[]): Promise<string[]> {
  // picomatch is only needed when a repo's file list is read again, never on the no-op path.
  const { compileInclude, includeBases } = await import('../workspace/include.js');
  const matches = compileInclude(include);
  const bases = includeBases(include);
  const pathspecs = bases.includes('') ? [] : bases;
  const paths = await listFiles(checkout, pathspecs);
  return paths.filter(matches);
}

/**
 * The files whose change means the list may differ: the git index (files added, removed,
 * renamed), HEAD, and the config (a checkout turned bare, or repaired). Null outside a work tree.
 */
export function gitStateFiles(checkout: string): string[] | null {
  const dirs = findGitDirs(checkout);
  return dirs ? [join(dirs.gitDir, 'index'), join(dirs.gitDir, 'HEAD'), join(dirs.commonDir, 'config')] : null;
}
