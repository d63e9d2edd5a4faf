// The sync-report JSON document and its human view.
import type { SyncOutcome } from '../../index/sync.js';
import { countRows, selectDiagnostics } from '../../index/queries/diagnostics.js';
import type { Workspace } from '../../workspace/types.js';
import type { Diagnostic } from '../../documents/model.js';
import { colors } from '../output.js';
import { diagnosticJson } from './parse-report.js';
import { formatDiagnosticLine } from './diagnostic.js';

export function syncReport(ws: Workspace, outcome: SyncOutcome, full: boolean) {
  const diagnostics = selectDiagnostics(outcome.db);
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    schema_version: 1,
    kind: 'sync-report',
    mode: ws.mode,
    full,
    repos: outcome.counts.repos,
    unreachable_repos: outcome.unreachable,
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
    diagnostics: diagnostics.map(diagnosticJson),
    duration_ms: Math.round(outcome.duration_ms),
  };
}

export type SyncReport = ReturnType<typeof syncReport>;

export function syncReportText(report: SyncReport, color = colors()): string[] {
  const out: string[] = [];
  let current = '';
  for (const d of report.diagnostics as Diagnostic[]) {
    const where = `${d.repo}/${d.file}`;
    if (where !== current) {
      if (current) out.push('');
      out.push(color.underline(where));
      current = where;
    }
    out.push(`  ${formatDiagnosticLine(d, color)}`);
  }
  return out;
}

export function syncSummary(report: SyncReport): string {
  const f = report.files;
  return (
    `synced ${report.repos} repos: ${f.scanned} files scanned, ${f.read} read, ${f.parsed} parsed, ${f.removed} removed; ` +
    `${report.documents} documents, ${report.tasks} tasks; ${report.error_count} errors, ${report.warning_count} warnings (${report.duration_ms} ms)`
  );
}
