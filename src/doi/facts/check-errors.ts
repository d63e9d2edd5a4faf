// Where C7's errors come from: the check engine (src/check, `runCheck(ws, db, {repos})`) when it is
// part of this build (see check-source.ts), else the index-only approximation in check-index.ts.
import type { IndexDb } from '../../index/db.js';
import type { Workspace } from '../../workspace/types.js';
import type { LocatedProblem } from '../model.js';
import { indexCheckErrors } from './check-index.js';
import { engineModule } from './check-source.js';

interface EngineDiagnostic {
  repo?: string;
  file: string;
  line: number;
  rule_id: string;
  severity: string;
  message: string;
}

interface CheckEngine {
  runCheck(ws: Workspace, db: IndexDb, options: { repos?: string[] }): Promise<{ diagnostics: EngineDiagnostic[] }>;
}

/** Error diagnostics for each of `slugs`, in file order, from one run over the workspace. */
export async function checkErrors(ws: Workspace, db: IndexDb, slugs: readonly string[]): Promise<Map<string, LocatedProblem[]>> {
  const specifier = engineModule();
  const engine = specifier === null ? null : ((await import(specifier)) as Partial<CheckEngine>);
  if (!engine || typeof engine.runCheck !== 'function') return indexCheckErrors(db, slugs);
  const { diagnostics } = await engine.runCheck(ws, db, { repos: [...slugs] });
  const errors = new Map<string, LocatedProblem[]>(slugs.map((s) => [s, []]));
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.repo === undefined) continue;
    errors.get(d.repo)?.push({ file: d.file, line: d.line, rule_id: d.rule_id, message: d.message });
  }
  return errors;
}
