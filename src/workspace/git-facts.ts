// Git facts that need a git process. Each process costs the CLI 8-18 ms, so callers batch per repo and
// run them concurrently (listings asked for at once share a few processes: ./git-batch.ts); answers
// that can be read from files come from git-dirs.ts first.
import { findGitDirs, readHead, type HeadState } from './git-dirs.js';
import { nameFromBytes } from './file-names.js';
import { batchedGit } from './git-batch.js';
import { listFromIndex } from './index-listing.js';
import { runGit } from './git.js';

/** HEAD read from files, or from git when the refs are not plain files (reftable). Null outside a repo. */
export async function resolveHead(workTree: string): Promise<HeadState | null> {
  const dirs = findGitDirs(workTree);
  if (!dirs) return null;
  const fromFiles = readHead(dirs.gitDir, dirs.commonDir);
  if (fromFiles) return fromFiles;
  const [symbolic, commit] = await Promise.all([
    runGit(workTree, ['symbolic-ref', '-q', 'HEAD'], { okExitCodes: [0, 1] }),
    runGit(workTree, ['rev-parse', '-q', '--verify', '--end-of-options', 'HEAD^{commit}'], { okExitCodes: [0, 1] }),
  ]);
  return {
    ref: symbolic.exitCode === 0 ? symbolic.stdout.trim() : null,
    sha: commit.exitCode === 0 ? commit.stdout.trim() : null,
  };
}

/**
 * The root commits of HEAD (`git rev-list --max-parents=0 HEAD`), newest first as git lists them;
 * [] for a repo with no commits. In a shallow clone these are the shallow boundary, not the
 * true roots: check isShallow() before comparing them with a fingerprint.
 */
export async function rootCommits(workTree: string): Promise<string[]> {
  const head = await resolveHead(workTree);
  if (!head || head.sha === null) return [];
  const result = await runGit(workTree, ['rev-list', '--max-parents=0', '--end-of-options', head.sha, '--']);
  return result.stdout.split('\n').filter((line) => line !== '');
}

/**
 * Files under `folder` (a work tree, or any folder inside one), relative to it with `/`
 * separators: tracked files plus untracked ones that are not ignored, each once, sorted.
 * git never descends through a symbolic link, so files behind a link that leaves the repo are
 * not listed (the link itself may be: lstat before reading). Tracked files deleted from disk
 * are still listed; nested repositories and submodules appear as their folder at most. Read from
 * the git index file where that is certain (index-listing.ts), else from git.
 */
export async function listFiles(folder: string, pathspecs: string[] = []): Promise<string[]> {
  // Each read from an index file in a turn of the event loop of its own: a sync lists every repo
  // at once, and the first repo's files then go to the parse worker as soon as that repo is listed,
  // not after the last one. (The git requests of this turn's listings still share processes: they
  // are flushed in the next turn, after all of them.)
  await new Promise((resolve) => setImmediate(resolve));
  const fromIndex = listFromIndex(folder, pathspecs);
  if (fromIndex !== null) return fromIndex;
  return filesFromLsFiles(await batchedGit(folder, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs]));
}

/** The files in `git ls-files -z` output, each once, sorted. */
export function filesFromLsFiles(stdout: Buffer): string[] {
  const seen = new Set<string>();
  let start = 0;
  for (let end = stdout.indexOf(0); end >= 0; start = end + 1, end = stdout.indexOf(0, start)) {
    // Bytes, not a decoded string: a name that is not UTF-8 is kept (escaped), not mangled into a name that does not exist.
    const path = nameFromBytes(stdout.subarray(start, end));
    // An untracked nested repository is listed as `dir/`: it is not a file of this repo.
    if (path !== '' && !path.endsWith('/')) seen.add(path);
  }
  return [...seen].sort();
}
