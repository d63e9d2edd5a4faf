// Git facts read straight from the repository's files: a git process costs 10-18 ms from Node,
// and these are asked at the start of every command. Synchronous on purpose: each is a handful
// of small file reads.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface GitDirs {
  /** The folder holding `.git` (top of the work tree). */
  workTree: string;
  /** The repository folder for this work tree (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
  gitDir: string;
  /** Where shared state lives (objects, refs, config, shallow): gitDir itself unless it has a `commondir` file. */
  commonDir: string;
}

export interface HeadState {
  /** The branch HEAD points at (`refs/heads/main`), or null when HEAD is detached. */
  ref: string | null;
  /** The commit HEAD resolves to, or null on an unborn branch (a repo with no commits). */
  sha: string | null;
}

/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
export const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The work tree containing `path` (walking up), found by its `.git` folder or `.git` file; null outside any. */
export function findGitDirs(path: string): GitDirs | null {
  let dir = resolve(path);
  if (statOrNull(dir)?.isFile()) dir = dirname(dir);
  for (;;) {
    const found = gitDirsAt(dir);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Where `path` sits inside its work tree, with `/` separators ('' at the top). git commands that
 * print paths from the top (`log --name-only`, `diff --name-only`) need it when a registered repo
 * is a folder inside a larger work tree.
 */
export function prefixInWorkTree(dirs: GitDirs, path: string): string {
  const rel = relative(dirs.workTree, resolve(path));
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function gitDirsAt(dir: string): GitDirs | null {
  const dotGit = join(dir, '.git');
  const stat = statOrNull(dotGit);
  if (!stat) return null;
  let gitDir: string;
  if (stat.isDirectory()) {
    gitDir = dotGit;
  } else if (stat.isFile()) {
    // Linked worktrees and submodules: `.git` is a file saying `gitdir: <path>`.
    const match = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(readOrNull(dotGit) ?? '');
    if (!match) return null;
    gitDir = resolve(dir, match[1]);
  } else {
    return null;
  }
  // git ignores a `.git` that is not a repository (no HEAD, or one that is neither a ref nor a
  // commit id: empty, garbage) and keeps looking upward; so do we.
  if (!validHead(join(gitDir, 'HEAD'))) return null;
  const commonDirFile = readOrNull(join(gitDir, 'commondir'));
  const commonDir = commonDirFile ? resolve(gitDir, commonDirFile.trim()) : gitDir;
  return { workTree: dir, gitDir, commonDir };
}

/**
 * HEAD's branch and commit, from `HEAD`, loose refs and `packed-refs`. Returns null when the
 * refs cannot be read as files (the reftable format, a missing HEAD): ask git then (see resolveHead).
 */
export function readHead(gitDir: string, commonDir: string): HeadState | null {
  const head = readOrNull(join(gitDir, 'HEAD'))?.trim();
  if (!head) return null;
  if (SHA.test(head)) return { ref: null, sha: head };
  if (!head.startsWith('ref:')) return null;
  const ref = head.slice(4).trim();
  // With reftable, HEAD names this placeholder and the real refs live in reftable/.
  if (ref === 'refs/heads/.invalid' || statOrNull(join(commonDir, 'reftable'))?.isDirectory()) return null;
  return { ref, sha: resolveRef(ref, gitDir, commonDir, 0) };
}

function resolveRef(ref: string, gitDir: string, commonDir: string, depth: number): string | null {
  if (depth > 5) return null;
  const loose = readOrNull(join(perWorktree(ref) ? gitDir : commonDir, ref))?.trim();
  if (loose) {
    if (SHA.test(loose)) return loose;
    if (loose.startsWith('ref:')) return resolveRef(loose.slice(4).trim(), gitDir, commonDir, depth + 1);
  }
  return packedRef(commonDir, ref);
}

/** Refs that belong to one worktree rather than the shared repository (git's own list). */
function perWorktree(ref: string): boolean {
  return !ref.startsWith('refs/') || /^refs\/(bisect|worktree|rewritten)\//.test(ref);
}

function packedRef(commonDir: string, ref: string): string | null {
  const packed = readOrNull(join(commonDir, 'packed-refs'));
  if (!packed) return null;
  for (const line of packed.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trimEnd() === ref) {
      const sha = line.slice(0, space);
      return SHA.test(sha) ? sha : null;
    }
  }
  return null;
}

/** True in a shallow clone: `rev-list --max-parents=0` then finds the shallow boundary, not the root. */
export function isShallow(commonDir: string): boolean {
  const stat = statOrNull(join(commonDir, 'shallow'));
  return stat !== null && stat.isFile() && stat.size > 0;
}

/** git's own test (validate_headref): `ref: refs/…`, or a commit id for a detached HEAD. */
function validHead(path: string): boolean {
  if (!statOrNull(path)?.isFile()) return false;
  const head = readOrNull(path)?.trim() ?? '';
  return /^ref:[ \t]*refs\//.test(head) || SHA.test(head);
}

function statOrNull(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null; // ENOTDIR, EACCES: not a place git would use either
  }
}

/** A file's text, or null where it cannot be read. */
export function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
