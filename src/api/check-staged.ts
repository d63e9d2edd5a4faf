// `check --staged`: the staged blobs of the staged planning files of the git repository around
// the current directory, read with one `git cat-file --batch` per work tree; what is staged for
// deletion is hidden from the cross-file rules too.
import { isAbsolute, resolve, sep } from 'node:path';
import type { CheckOptions, FileRef } from '../check/index.js';
import { readStagedBlobs, stagedChanges, type ReadOutcome } from '../check/sources.js';
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

/** Found from the files alone (no git process), so the sync can be limited to the owners before anything else runs. */
export function stagedTree(repos: RepoConfig[], cwd: string): StagedTree {
  const dirs = findGitDirs(cwd);
  if (!dirs) throw usageError(`--staged: ${cwd} is not inside a git repository`);
  const owners = repos
    .map((repo) => ({ repo, prefix: prefixInWorkTree(dirs, repo.checkout) }))
    .filter(({ prefix }) => prefix !== '..' && !prefix.startsWith('../') && !isAbsolute(prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return { dirs, owners };
}

/** Asks git what is staged at once (in this turn: see checkRun), and reads the staged blobs. */
export async function stagedScope({ dirs, owners }: StagedTree): Promise<StagedScope> {
  const scope: StagedScope = { files: [], read: () => null, hidden: [], absolute: new Map() };
  if (owners.length === 0) return scope;
  const changes = await stagedChanges(dirs.workTree);
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
