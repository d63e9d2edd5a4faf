// When each task's lines were last committed (C14): ONE `git blame --porcelain` per file, with an
// -L option for every task in it, run on the working tree so uncommitted lines show as such.

import { filterOverrides, runGit } from '../../workspace/git.js';
import type { Limiter } from './limit.js';

export interface LineRange {
  start: number;
  end: number;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)(?: \d+)?$/;
const UNCOMMITTED = /^0+$/;

/** When and by which commit a line (or the newest line of a range) was committed. */
export interface Touch {
  /** Commit time in seconds. */
  time: number;
  commit: string;
}

/** Each final line's commit and its time, or null for a line not committed yet. */
export function parseBlameLines(output: string): Map<number, Touch | null> {
  const times = new Map<string, number>();
  const lineCommit = new Map<number, string>();
  let current: string | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) continue; // the line's content
    const header = HEADER.exec(line);
    if (header) {
      current = header[1];
      lineCommit.set(Number(header[2]), current);
    } else if (current !== null && line.startsWith('committer-time ')) {
      times.set(current, Number(line.slice('committer-time '.length)));
    }
  }
  const result = new Map<number, Touch | null>();
  for (const [line, sha] of lineCommit) {
    const time = times.get(sha);
    result.set(line, UNCOMMITTED.test(sha) || time === undefined ? null : { time, commit: sha });
  }
  return result;
}

/** Each final line's commit time in seconds, or null for a line not committed yet. */
export function parseBlamePorcelain(output: string): Map<number, number | null> {
  return new Map([...parseBlameLines(output)].map(([line, touch]) => [line, touch?.time ?? null]));
}

/**
 * The newest commit time among each range's lines; null when a line is not committed (touched
 * now). When blame cannot answer (the file is not in HEAD, the repo has no commits, the file
 * changed length since the index was written), the file's ranges count as touched now.
 */
export async function lastTouched(cwd: string, file: string, ranges: readonly LineRange[], limit: Limiter): Promise<(number | null)[]> {
  return (await lastTouchedBy(cwd, file, ranges, limit)).map((touch) => touch?.time ?? null);
}

/** lastTouched with the commit of each range's newest line (what names a task's stale period). */
export async function lastTouchedBy(cwd: string, file: string, ranges: readonly LineRange[], limit: Limiter): Promise<(Touch | null)[]> {
  // Blame of the work tree passes the file through the repo's textconv and filter drivers.
  const args = ['blame', '--porcelain', '--no-textconv'];
  for (const r of ranges) args.push('-L', `${r.start},${Math.max(r.start, r.end)}`);
  args.push('--', file);
  const config = await filterOverrides(cwd);
  const result = await limit(() => runGit(cwd, args, { okExitCodes: [0, 128], config }));
  if (result.exitCode !== 0) return ranges.map(() => null);
  const touches = parseBlameLines(result.stdout);
  return ranges.map(({ start, end }) => {
    let newest: Touch | null = null;
    for (let line = start; line <= Math.max(start, end); line++) {
      const touch = touches.get(line);
      if (!touch) return null;
      if (newest === null || touch.time > newest.time) newest = touch;
    }
    return newest;
  });
}
