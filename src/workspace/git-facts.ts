// Git facts that need a git process. Each process costs the CLI 8-18 ms, so callers batch per repo and
// run them concurrently (listings asked for at once share a few processes: ./git-batch.ts); answers
// that can be read from files come from git-dirs.ts first.
import { findGitDirs, readHead, type HeadState } from './git-dirs.js';
import { nameFromBytes } from './file-names.js';
import { CAN_BATCH, runGitMany, type GitRequest } from './git-batch.js';
import { runGit, runGitBuffer } from './git.js';

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
 * are still listed; nested repositories and submodules appear as their folder at most.
 */
export async function listFiles(folder: string, pathspecs: string[] = []): Promise<string[]> {
  const stdout = await batchedGit(folder, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs]);
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

interface Queued extends GitRequest {
  resolve(stdout: Buffer): void;
  reject(error: unknown): void;
}

let queue: Queued[] | null = null;

/**
 * stdout of `git <args>` in `cwd`, as runGitBuffer answers it; the calls made in one turn of the
 * event loop (a sync listing every repo at once) share a few processes (./git-batch.ts). A folder
 * where git failed runs again alone, so its error is git's own.
 */
function batchedGit(cwd: string, args: string[]): Promise<Buffer> {
  if (!CAN_BATCH) return runGitBuffer(cwd, args).then((r) => r.stdout);
  return new Promise((resolve, reject) => {
    if (queue === null) {
      queue = [];
      setImmediate(flushQueue);
    }
    queue.push({ cwd, args, resolve, reject });
  });
}

function flushQueue(): void {
  const batch = queue ?? [];
  queue = null;
  const alone = (q: Queued) => runGitBuffer(q.cwd, [...q.args]).then((r) => q.resolve(r.stdout), q.reject);
  if (batch.length === 1) {
    void alone(batch[0]);
    return;
  }
  void runGitMany(batch).then(
    (outputs) => outputs.forEach((stdout, i) => (stdout === null ? void alone(batch[i]) : batch[i].resolve(stdout))),
    () => batch.forEach((q) => void alone(q)),
  );
}
