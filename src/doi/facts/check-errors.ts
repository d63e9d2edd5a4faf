// C7's errors: one run of the check engine over the repos whose C7 is stale (cross-file rules see
// the whole workspace), error-severity diagnostics grouped by repo. Loaded only when C7 is
// recomputed: the cached path never loads the check engine.
import type { IndexDb } from '../../index/db.js';
import type { Workspace } from '../../workspace/types.js';
import type { LocatedProblem } from '../model.js';

export async function checkErrors(ws: Workspace, db: IndexDb, slugs: readonly string[]): Promise<Map<string, LocatedProblem[]>> {
  const { runCheck } = await import('../../check/index.js');
  const { diagnostics } = await runCheck(ws, db, { repos: [...slugs] });
  const errors = new Map<string, LocatedProblem[]>(slugs.map((s) => [s, []]));
  for (const d of diagnostics) {
    if (d.severity === 'error') errors.get(d.repo)?.push({ file: d.file, line: d.line, rule_id: d.rule_id, message: d.message });
  }
  return errors;
}
