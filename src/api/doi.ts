// `doi [<repo>]`: how well each repo is integrated, evaluated with results cached by fingerprint.
import { activeRepoSlugs } from '../workspace/archived.js';
import type { DoiItem } from '../doi/model.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { clockOf, loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { requireRepo } from './filters.js';

export type { CriterionResult, CriterionStatus, DoiItem, Tier } from '../doi/model.js';

export interface DoiOptions extends WorkspaceOptions {
  /** Only this repo (default: every registered repo). */
  repo?: string;
  /** Recompute every criterion, ignoring cached results. */
  refresh?: boolean;
  /** The clock criteria compare with (default: CUSTODIAN_NOW from `env` when set, for tests; else now). */
  now?: Date;
  /** Told, per repo, which groups of criteria were evaluated afresh rather than served from the cache. */
  onRecomputed?(recomputed: Record<string, string[]>): void;
}

export interface DoiReportDocument {
  schema_version: 1;
  kind: 'doi-report';
  mode: WorkspaceMode;
  /** Worst tier first, ties by slug. */
  items: DoiItem[];
}

export async function doi(options: DoiOptions = {}): Promise<DoiReportDocument> {
  const now = options.now ?? clockOf(options);
  const ws = await loadWorkspace(options);
  const run = await withIndex(ws, options, async (db) => {
    requireRepo(ws, options.repo);
    const { evaluateDoi } = await import('../doi/evaluate.js');
    // Every repo's integration leaves out the archived ones (history, not work); named, one still answers.
    return evaluateDoi(ws, db, { repos: options.repo === undefined ? activeRepoSlugs(ws) : [options.repo], now, refresh: options.refresh });
  });
  options.onRecomputed?.(run.recomputed);
  return { schema_version: 1, kind: 'doi-report', mode: ws.mode, items: run.items };
}
