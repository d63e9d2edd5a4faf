// Facts about when things were committed (C11, C14): the newest commit of the SBOM files (one
// `git log` per repo) and when each in_progress task was last touched (one blame per file).
import { runGit } from '../../workspace/git.js';
import type { RepoTaskRow } from '../../index/queries/doi.js';
import type { CheckoutFacts, TouchedTask } from '../model.js';
import type { Limiter } from './limit.js';
import { touchedTasks } from './touched.js';

export interface HistoryGitFacts {
  sbom_committed_at: number | null;
  stale_candidates: TouchedTask[];
}

export async function readHistory(
  checkout: CheckoutFacts,
  sbomPaths: readonly string[],
  inProgress: readonly RepoTaskRow[],
  windowStart: number,
  limit: Limiter,
): Promise<HistoryGitFacts> {
  if (checkout.work_tree === null) return { sbom_committed_at: null, stale_candidates: [] };
  const [sbom_committed_at, stale_candidates] = await Promise.all([
    sbomCommitTime(checkout, sbomPaths, limit),
    touchedTasks(checkout, inProgress, windowStart, limit),
  ]);
  return { sbom_committed_at, stale_candidates };
}

async function sbomCommitTime(checkout: CheckoutFacts, paths: readonly string[], limit: Limiter): Promise<number | null> {
  if (paths.length === 0 || checkout.head === null) return null;
  const { stdout } = await limit(() =>
    runGit(checkout.path, ['--literal-pathspecs', 'log', '-1', '--format=%ct', '--end-of-options', checkout.head!, '--', ...paths]),
  );
  const seconds = Number.parseInt(stdout.trim(), 10);
  return Number.isFinite(seconds) ? seconds : null;
}
