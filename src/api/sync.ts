// `sync`: bring the index up to date with the files and report what it holds.
import { countRows, selectDiagnostics } from '../index/queries/diagnostics.js';
import type { SyncOutcome } from '../index/sync.js';
import type { Workspace, WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, openFreshIndex, reportedProblems, reportedUnreachable, type WorkspaceOptions } from './context.js';
import { diagnosticItem, type DiagnosticItem } from './items/diagnostic.js';

export interface SyncOptions extends WorkspaceOptions {
  /** Rebuild the whole index from the files. */
  full?: boolean;
}

export interface SyncReportDocument {
  schema_version: 1;
  kind: 'sync-report';
  mode: WorkspaceMode;
  full: boolean;
  repos: number;
  /** Repos whose documents could not be read (checkout not on this host, or broken). */
  unreachable_repos: string[];
  /** Why each of them could not be read. */
  repo_problems: { repo_slug: string; message: string }[];
  files: { scanned: number; read: number; parsed: number; unchanged: number; removed: number };
  documents: number;
  tasks: number;
  error_count: number;
  warning_count: number;
  info_count: number;
  /** Every diagnostic the index holds (not only the new ones). */
  diagnostics: DiagnosticItem[];
  duration_ms: number;
}

/**
 * Syncs (always: `sync: false` makes no sense here and is ignored), derives events (with the day's
 * stale tasks), publishes pending events when NATS_URL is set, and reports.
 */
export async function sync(options: SyncOptions = {}): Promise<SyncReportDocument> {
  const ws = await loadWorkspace(options);
  const { db, sync: outcome } = await openFreshIndex(ws, { ...options, sync: true }, { full: options.full, settle: true, stale: true });
  let report: SyncReportDocument;
  try {
    report = syncReport(ws, outcome!, options.full === true);
  } finally {
    db.close();
  }
  // Only this explicit sync publishes (never the sync before a read), when NATS_URL is set and
  // something is pending; a server that cannot be reached is a warning, never a failure.
  const { publishAfterSync } = await import('./events.js');
  await publishAfterSync(ws, options);
  return report;
}

export function syncReport(ws: Workspace, outcome: SyncOutcome, full: boolean): SyncReportDocument {
  const diagnostics = selectDiagnostics(outcome.db);
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    schema_version: 1,
    kind: 'sync-report',
    mode: ws.mode,
    full,
    repos: outcome.counts.repos,
    unreachable_repos: reportedUnreachable(ws, outcome),
    repo_problems: reportedProblems(ws, outcome).map((p) => ({ repo_slug: p.repo, message: p.message })),
    files: {
      scanned: outcome.counts.scanned,
      read: outcome.counts.read,
      parsed: outcome.counts.parsed,
      unchanged: outcome.counts.unchanged,
      removed: outcome.counts.removed,
    },
    documents: countRows(outcome.db, 'documents'),
    tasks: countRows(outcome.db, 'tasks'),
    error_count: count('error'),
    warning_count: count('warning'),
    info_count: count('info'),
    diagnostics: diagnostics.map(diagnosticItem),
    duration_ms: Math.round(outcome.duration_ms),
  };
}
