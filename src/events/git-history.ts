// Reading the commits to derive events from: ONE `git log --raw` per repo over the range since the
// last derived commit, each commit with the blobs before and after of every file it changed, and
// ONE `git cat-file --batch` for every blob those commits need.
import { GitError, runGit } from '../workspace/git.js';
import { readObjects } from '../workspace/git-objects.js';

export interface RawChange {
  path: string;
  /** The blob before the commit (null: the file was added). */
  before: string | null;
  /** The blob after the commit (null: the file was deleted). */
  after: string | null;
}

export interface HistoryCommit {
  commit: string;
  /** Committer time in seconds. */
  time: number;
  /**
   * `new`: reachable from HEAD, not from the last derived commit; `abandoned`: reachable only from
   * the last derived commit (a rebase, reset or force-push moved HEAD off it).
   */
  side: 'new' | 'abandoned';
  changes: RawChange[];
}

const FORMAT = '--format=%x01%m%x02%H%x02%ct';
const NO_BLOB = /^0+$/;

/** Parses `git log -z --raw --no-renames --left-right` output in FORMAT. */
export function parseRawLog(output: string): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  const tokens = output.split('\0');
  let current: HistoryCommit | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      const [mark, commit, time] = token.slice(1).split('\x02');
      current = { commit, time: Number(time), side: mark === '<' ? 'abandoned' : 'new', changes: [] };
      commits.push(current);
    } else if (token.startsWith(':') && current) {
      // `:<old mode> <new mode> <old blob> <new blob> <status>`, then the path.
      const [, , before, after] = token.slice(1).split(' ');
      const path = tokens[++i];
      current.changes.push({ path, before: NO_BLOB.test(before) ? null : before, after: NO_BLOB.test(after) ? null : after });
    }
  }
  return commits;
}

export interface HistoryRange {
  /** The last derived commit; null: from the first commit. */
  from: string | null;
  to: string;
  /** Only commits at or after this time (seconds): backfill. */
  since?: number;
}

/**
 * The commits of a range that touch `pathspecs` (folders relative to `cwd`, where git runs; paths
 * come back relative to it), oldest first, parents before children. Merges carry no changes of
 * their own: the commits they bring in carry them. Null when `from` is not in the repository
 * (rewritten history that was pruned, or another repository at the same path).
 */
export async function readHistory(cwd: string, range: HistoryRange, pathspecs: readonly string[]): Promise<HistoryCommit[] | null> {
  const revisions = range.from === null ? [range.to] : [`${range.from}...${range.to}`];
  const args = [
    '--literal-pathspecs',
    'log',
    '-z',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--relative',
    '--no-merges',
    '--no-color',
    '--no-show-signature',
    '--topo-order',
    '--reverse',
    '--left-right',
    FORMAT,
    ...(range.since === undefined ? [] : [`--since=${new Date(range.since * 1000).toISOString()}`]),
    '--end-of-options',
    ...revisions,
    '--',
    ...pathspecs,
  ];
  try {
    return parseRawLog((await runGit(cwd, args)).stdout);
  } catch (error) {
    if (range.from !== null && error instanceof GitError && error.gitExitCode === 128 && !(await hasCommit(cwd, range.from))) return null;
    throw error;
  }
}

async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  const result = await runGit(cwd, ['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], { okExitCodes: [0, 1, 128] });
  return result.exitCode === 0;
}

/** Each blob's bytes (null when missing or larger than `maxBytes`), from one `git cat-file --batch`. */
export async function readBlobs(cwd: string, blobs: readonly string[], maxBytes: number): Promise<Map<string, Buffer | null>> {
  const objects = await readObjects(cwd, blobs, { maxBytes });
  return new Map(blobs.map((sha, i) => {
    const object = objects[i];
    return [sha, object.found && object.type === 'blob' ? object.bytes : null];
  }));
}
