// Facts about when things were committed (C11, C14): the newest commit of the SBOM files (one
// `git log` per repo) and when each in_progress task was last touched (one blame per file).
import { runGit } from '../../workspace/git.js';
import type { RepoTaskRow } from '../../index/queries/doi.js';
import type { CheckoutFacts, TouchedTask } from '../model.js';
import { lastTouched } from './blame.js';
import type { Limiter } from './limit.js';

export interface HistoryGitFacts {
  sbom_committed_at: number | null;
  stale_candidates: TouchedTask[];
}

export async function readHistory(
  checkout: CheckoutFacts,
  sbomPaths: readonly string[],
  inProgress: readonly RepoTaskRow[],
  limit: Limiter,
): Promise<HistoryGitFacts> {
  if (checkout.work_tree === null) return { sbom_committed_at: null, stale_candidates: [] };
  const [sbom_committed_at, stale_candidates] = await Promise.all([
    sbomCommitTime(checkout, sbomPaths, limit),
    touchedTasks(checkout.path, inProgress, limit),
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

async function touchedTasks(cwd: string, tasks: readonly RepoTaskRow[], limit: Limiter): Promise<TouchedTask[]> {
  const byFile = new Map<string, RepoTaskRow[]>();
  for (const task of tasks) {
    const list = byFile.get(task.path);
    if (list) list.push(task);
    else byFile.set(task.path, [task]);
  }
  const perFile = await Promise.all(
    [...byFile].map(async ([file, fileTasks]) => {
      const times = await lastTouched(cwd, file, fileTasks.map((t) => ({ start: t.line, end: t.end_line })), limit);
      return fileTasks.map((t, i): TouchedTask => ({ task_id: t.task_id, file, line: t.line, touched_at: times[i] }));
    }),
  );
  return perFile.flat();
}
