// Which files of a repo are planning documents: git's list (tracked, and untracked but not
// ignored; it never descends through a symbolic link) filtered by the repo's include globs.
// A folder that is not inside a git work tree is not a repo (sync reports it, as DoI C2 does).
import { join } from 'node:path';
import { findGitDirs } from '../workspace/git-dirs.js';

export type FileLister = (checkout: string, include: readonly string[]) => Promise<string[]>;

/**
 * What lists a repo's included files. Its modules (picomatch, git) load first, only when a list
 * is read again, never on the no-op path; then each call asks git at once, so the lists started
 * in one turn share one git process (batchedGit).
 */
export async function fileLister(): Promise<FileLister> {
  const [{ compileInclude, includeBases }, { listFiles }] = await Promise.all([import('../workspace/include.js'), import('../workspace/git-facts.js')]);
  return async (checkout, include) => {
    const bases = includeBases(include);
    const paths = await listFiles(checkout, bases.includes('') ? [] : bases);
    return paths.filter(compileInclude(include));
  };
}

/**
 * The files whose change means the list may differ: the git index (files added, removed,
 * renamed), HEAD, and the config (a checkout turned bare, or repaired). Null outside a work tree.
 */
export function gitStateFiles(checkout: string): string[] | null {
  const dirs = findGitDirs(checkout);
  return dirs ? [join(dirs.gitDir, 'index'), join(dirs.gitDir, 'HEAD'), join(dirs.commonDir, 'config')] : null;
}
