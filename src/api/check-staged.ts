// `check --staged`: the staged blobs of the staged planning files of the git repository around
// the current directory, read with one `git cat-file --batch` per work tree; what is staged for
// deletion is hidden from the cross-file rules too.
import { isAbsolute, resolve, sep } from 'node:path';
import type { CheckOptions, FileRef } from '../check/index.js';
import { readStagedBlobs, stagedChanges, type ReadOutcome, type StagedChanges } from '../check/sources.js';
import { usageError } from '../errors.js';
import { findGitDirs, prefixInWorkTree, type GitDirs } from '../workspace/git-dirs.js';
import { compileInclude } from '../workspace/include.js';
import type { RepoConfig } from '../workspace/types.js';

export interface StagedScope {
  files: FileRef[];
  read: NonNullable<CheckOptions['read']>;
  hidden: FileRef[];
  /** Absolute path of each file, to match paths given on the command line. */
  absolute: Map<FileRef, string>;
}

/** The git work tree around `cwd` and the registered repos inside it: the repos a commit there can change. */
export interface StagedTree {
  dirs: GitDirs;
  owners: { repo: RepoConfig; prefix: string }[];
}

/** What git says is staged in the work tree around `cwd`, asked before the workspace is loaded. */
export interface StagedStart {
  /** Null outside a git work tree (stagedTree reports it). */
  dirs: GitDirs | null;
  changes: Promise<StagedChanges> | null;
}

/**
 * Starts `git diff --cached` from the current directory alone, first thing: git then runs while
 * the workspace, the index and the check's rules load, instead of after them.
 */
export function startStaged(cwd: string): StagedStart {
  const dirs = findGitDirs(cwd);
  const changes = dirs ? stagedChanges(dirs.workTree) : null;
  void changes?.catch(() => undefined); // awaited by stagedScope; this keeps an earlier failure from going unhandled
  return { dirs, changes };
}

/** Found from the files alone (no git process), so the sync can be limited to the owners before anything else runs. */
export function stagedTree(repos: RepoConfig[], { dirs }: StagedStart, cwd: string): StagedTree {
  if (!dirs) throw usageError(`--staged: ${cwd} is not inside a git repository`);
  const owners = repos
    .map((repo) => ({ repo, prefix: prefixInWorkTree(dirs, repo.checkout) }))
    .filter(({ prefix }) => prefix !== '..' && !prefix.startsWith('../') && !isAbsolute(prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return { dirs, owners };
}

export async function stagedScope({ dirs, owners }: StagedTree, started: StagedStart): Promise<StagedScope> {
  const scope: StagedScope = { files: [], read: () => null, hidden: [], absolute: new Map() };
  if (owners.length === 0 || !started.changes) return scope;
  const changes = await started.changes;
  const toRef = (path: string): FileRef | null => {
    const owner = owners.find(({ prefix }) => prefix === '' || path.startsWith(`${prefix}/`));
    if (!owner) return null;
    const file = owner.prefix === '' ? path : path.slice(owner.prefix.length + 1);
    return compileInclude(owner.repo.include)(file) ? { repo: owner.repo.slug, file } : null;
  };
  const byKey = new Map<string, string>();
  for (const path of changes.staged) {
    const ref = toRef(path);
    if (!ref) continue;
    scope.files.push(ref);
    scope.absolute.set(ref, resolve(dirs.workTree, path.split('/').join(sep)));
    byKey.set(`${ref.repo}\0${ref.file}`, path);
  }
  for (const path of [...changes.deleted, ...changes.links]) {
    const ref = toRef(path);
    if (ref) scope.hidden.push(ref);
  }
  const blobs = await readStagedBlobs(dirs.workTree, [...byKey.values()], process.cwd(), { commonDir: dirs.commonDir, ids: changes.ids });
  scope.read = (ref) => {
    const path = byKey.get(`${ref.repo}\0${ref.file}`);
    return path === undefined ? null : ((blobs.get(path) ?? null) as ReadOutcome | null);
  };
  return scope;
}
