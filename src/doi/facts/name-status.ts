// Reading `git log --name-status -z` in NAME_STATUS_FORMAT: each commit with its parents and changes.

export interface CommitChanges {
  commit: string;
  /** Commit time in seconds. */
  time: number;
  /** Parent commits (none for a root commit). */
  parents: string[];
  /** Status letter(s) (`A`, `M`, `D`, `R100`, …) and the path(s): two for renames and copies. */
  changes: { status: string; paths: string[] }[];
}

export const NAME_STATUS_FORMAT = '--format=%x01%H%x02%ct%x02%P';

export function parseNameStatus(output: string): CommitChanges[] {
  const commits: CommitChanges[] = [];
  const tokens = output.split('\0');
  let current: CommitChanges | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n+/, '');
    if (token === '') continue;
    if (token.startsWith('\x01')) {
      const [commit, time, parents = ''] = token.slice(1).split('\x02');
      current = { commit, time: Number(time), parents: parents.split(' ').filter(Boolean), changes: [] };
      commits.push(current);
      continue;
    }
    if (!current) continue;
    const status = token;
    const two = status.startsWith('R') || status.startsWith('C');
    const paths = two ? [tokens[i + 1], tokens[i + 2]] : [tokens[i + 1]];
    i += paths.length;
    current.changes.push({ status, paths });
  }
  return commits;
}
