// The no-op check's stat walk, started early: a read command's stats of every recorded file are
// most of its own work, and they need only the paths and stamps the index recorded. A copy of
// those (the index's `-stamps` file, written here) lets the native addon stat every file on a
// thread of its own from the moment the command is known (src/cli/main.ts), while the main
// thread loads the command, resolves the workspace and opens the index. The plan then takes a
// repo's early answer only where the copy equals the summary it reads from the index (the same
// paths, the same stamps, the same checkout): any other copy (old, from another index, torn) is
// ignored, and the repo is stat'ed as before. The copy is a cache of the index's cache: nothing
// reads it but this, and a missing one, or one that no longer answers for many repos, is rewritten
// by the read that finds it so.
import { writeCacheFile } from '../workspace/cache-file.js';
import type { RepoRow } from './state.js';
import { nativeAddon } from '../native/addon.js';
import type { EarlyRepoWalk, StampSummary } from './native-stamps.js';

/** The copy of an index's repo summaries, beside it (as SQLite's own -wal and -shm). */
export function stampsCopyPath(indexPath: string): string {
  return `${indexPath}-stamps`;
}

const MAGIC = Buffer.from('CUSTSTM1', 'latin1');

/** Whether this process started a walk that no plan has taken yet. */
let started = false;

/** Starts the walk over the copy beside `indexPath`; false where there is no addon or thread. */
export function startEarlyWalk(indexPath: string): boolean {
  started = nativeAddon()?.startEarlyWalk?.(stampsCopyPath(indexPath)) ?? false;
  return started;
}

/** What a plan asks of an early walk. */
export interface EarlyWalk {
  /**
   * The repo's answer, as checkSummary gives it, from stats taken as the command began, when the
   * walk's copy of the repo is the summary `row` holds; undefined when it is not (the repo is then
   * stat'ed as before).
   */
  answer(row: RepoRow): StampSummary | null | undefined;
  /** How many repos were answered. */
  readonly answered: number;
  /**
   * True when the copy should be written again: it could not be read, or more than one repo in
   * eight of the `repos` planned had no answer (each such repo is stat'ed on the main thread, ~0.5
   * ms; writing the copy costs ~8 ms at 10,000 files, so a sync that changed one repo leaves it).
   */
  stale(repos: number): boolean;
}

/**
 * The early walk's answers; null when none was started in this process. Taken once: a second
 * call answers null. The first answer asked for waits for the walk to end (a read whose repos a
 * watcher vouches for asks none, and does not wait). A copy that could not be read (missing, not
 * one this build writes) answers for no repo.
 */
export function takeEarlyWalk(): EarlyWalk | null {
  if (!started) return null;
  started = false;
  let byCheckout: Map<string, EarlyRepoWalk[]> | null = null;
  let unreadable = false;
  let answered = 0;
  let unanswered = 0;
  const walked = (): Map<string, EarlyRepoWalk[]> => {
    if (byCheckout !== null) return byCheckout;
    const repos = nativeAddon()?.finishEarlyWalk?.() ?? null;
    unreadable = repos === null;
    // By checkout, each with its list: two registry entries may share one checkout.
    byCheckout = new Map();
    for (const repo of repos ?? []) byCheckout.set(repo.checkout, [...(byCheckout.get(repo.checkout) ?? []), repo]);
    return byCheckout;
  };
  return {
    answer(row) {
      const repo = walked().get(row.checkout)?.find((r) => r.paths === row.file_paths && r.stamps.equals(row.file_stamps));
      if (repo === undefined) {
        unanswered++;
        return undefined;
      }
      answered++;
      return repo.summary;
    },
    get answered() {
      return answered;
    },
    stale(repos) {
      return unreadable || unanswered * 8 > repos;
    },
  };
}

/**
 * Writes the copy the next early walk reads: each repo's checkout, paths and stamps as the index
 * holds them. Whole or not at all (writeCacheFile), so a walk never reads half of one; a failure
 * costs the next read its early answers, never this command its answer.
 */
export function writeStampsCopy(indexPath: string, rows: Iterable<RepoRow>): void {
  const parts: Buffer[] = [MAGIC, Buffer.alloc(4)];
  let count = 0;
  for (const row of rows) {
    const checkout = Buffer.from(row.checkout);
    const paths = Buffer.from(row.file_paths);
    const stamps = row.file_stamps;
    const lengths = Buffer.alloc(12);
    lengths.writeUInt32LE(checkout.length, 0);
    lengths.writeUInt32LE(paths.length, 4);
    lengths.writeUInt32LE(stamps.length, 8);
    parts.push(lengths, checkout, paths, stamps);
    count++;
  }
  parts[1].writeUInt32LE(count, 0);
  writeCacheFile(stampsCopyPath(indexPath), Buffer.concat(parts));
}
