// The checkout's state read from files: the enclosing work tree, HEAD, shallowness and origin.
// No git process on this path (it runs on every `doi`, cached or not); only a reftable repository
// or a config with [include] falls back to git.
import { statSync } from 'node:fs';
import { findGitDirs, isShallow, prefixInWorkTree, readHead } from '../../workspace/git-dirs.js';
import { readOriginUrl } from '../../workspace/git-config.js';
import { resolveHead } from '../../workspace/git-facts.js';
import type { CheckoutFacts } from '../model.js';

export async function readCheckout(path: string): Promise<CheckoutFacts> {
  const exists = isDirectory(path);
  const dirs = exists ? findGitDirs(path) : null;
  if (!dirs) return { path, exists, work_tree: null, prefix: '', head: null, branch: null, shallow: false, origin: null };
  const head = readHead(dirs.gitDir, dirs.commonDir) ?? (await resolveHead(dirs.workTree));
  return {
    path,
    exists,
    work_tree: dirs.workTree,
    prefix: prefixInWorkTree(dirs, path),
    head: head?.sha ?? null,
    branch: head?.ref ?? null,
    shallow: isShallow(dirs.commonDir),
    origin: await readOriginUrl(dirs.commonDir),
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
