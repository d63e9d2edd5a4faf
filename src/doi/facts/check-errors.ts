// C7's errors and C13's drift: one run of the check engine over the repos whose check group is
// stale (cross-file rules see the whole workspace). C13 is what the two workplan rules say, so
// DoI and `check` can never disagree about drift. Loaded only when the group is recomputed: the
// cached path never loads the check engine.
import type { IndexDb } from '../../index/db.js';
import type { Workspace } from '../../workspace/types.js';
import type { CheckFacts, LocatedProblem } from '../model.js';

/** The rules whose findings are drift (C13). */
export const DRIFT_RULES: ReadonlySet<string> = new Set(['workplan/status-rollup', 'workplan/task-list-mismatch']);

export type CheckFindings = Pick<CheckFacts, 'errors' | 'drift'>;

export async function checkFindings(ws: Workspace, db: IndexDb, slugs: readonly string[]): Promise<Map<string, CheckFindings>> {
  const { runCheck } = await import('../../check/index.js');
  const { diagnostics } = await runCheck(ws, db, { repos: [...slugs] });
  const found = new Map<string, CheckFindings>(slugs.map((s) => [s, { errors: [], drift: [] }]));
  for (const d of diagnostics) {
    const problem: LocatedProblem = { file: d.file, line: d.line, rule_id: d.rule_id, message: d.message, fixable: d.fixable };
    const repo = found.get(d.repo);
    if (!repo) continue;
    if (d.severity === 'error') repo.errors.push(problem);
    if (DRIFT_RULES.has(d.rule_id)) repo.drift.push(problem);
  }
  return found;
}
