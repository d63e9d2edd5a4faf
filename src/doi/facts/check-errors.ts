// Where C7's errors come from: the check engine (src/check, `runCheck(ws, db, {repos})`) when it is
// part of this build, else the index-only approximation in check-index.ts. The engine is found by
// its file rather than a static import so that DoI builds and runs whether or not it is present,
// and so the cached path (which only needs to know which engine would answer) never loads it.
import { existsSync } from 'node:fs';
import type { IndexDb } from '../../index/db.js';
import type { Workspace } from '../../workspace/types.js';
import type { LocatedProblem } from '../model.js';
import { indexCheckErrors } from './check-index.js';

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

const ENGINE_MODULES = ['../../check/index', '../../check/run'];

let located: string | null | undefined;

/** The engine's module specifier, or null when this build has none. */
function engineModule(): string | null {
  if (located !== undefined) return located;
  located = null;
  for (const base of ENGINE_MODULES) {
    // dist holds .js; tests run the TypeScript sources, where the same .js specifier resolves to .ts.
    if (existsSync(new URL(`${base}.js`, import.meta.url)) || existsSync(new URL(`${base}.ts`, import.meta.url))) {
      located = `${base}.js`;
      break;
    }
  }
  return located;
}

/** Which engine answers C7: part of C7's cache fingerprint, so one engine's answer is never served as the other's. */
export function checkSource(): 'check' | 'index' {
  return engineModule() === null ? 'index' : 'check';
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
