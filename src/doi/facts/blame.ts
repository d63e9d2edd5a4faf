// When each task's lines were last committed (C14): ONE `git blame --porcelain` per file, with an
// -L option for every task in it, run on the working tree so uncommitted lines show as such.

import { runGit } from '../../workspace/git.js';
import type { Limiter } from './limit.js';

export interface LineRange {
  start: number;
  end: number;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)(?: \d+)?$/;
const UNCOMMITTED = /^0+$/;

/** Each final line's commit time in seconds, or null for a line not committed yet. */
export function parseBlamePorcelain(output: string): Map<number, number | null> {
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
  const result = new Map<number, number | null>();
  for (const [line, sha] of lineCommit) result.set(line, UNCOMMITTED.test(sha) ? null : (times.get(sha) ?? null));
  return result;
}

/**
 * The newest commit time among each range's lines; null when a line is not committed (touched
 * now). When blame cannot answer (the file is not in HEAD, the repo has no commits, the file
 * changed length since the index was written), the file's ranges count as touched now.
 */
export async function lastTouched(cwd: string, file: string, ranges: readonly LineRange[], limit: Limiter): Promise<(number | null)[]> {
  const args = ['blame', '--porcelain'];
  for (const r of ranges) args.push('-L', `${r.start},${Math.max(r.start, r.end)}`);
  args.push('--', file);
  const result = await limit(() => runGit(cwd, args, { okExitCodes: [0, 128] }));
  if (result.exitCode !== 0) return ranges.map(() => null);
  const times = parseBlamePorcelain(result.stdout);
  return ranges.map(({ start, end }) => {
    let newest = 0;
    for (let line = start; line <= Math.max(start, end); line++) {
      const time = times.get(line);
      if (time === null || time === undefined) return null;
      newest = Math.max(newest, time);
    }
    return newest;
  });
}
