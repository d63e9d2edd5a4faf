// The human view of a sync report and of a watched change, from their documents.
import type { SyncReportDocument } from '../../api/sync.js';
import type { SyncChangeDocument } from '../../api/watch.js';
import { colors } from '../output.js';
import { formatDiagnosticLine } from './diagnostic.js';

export function syncReportText(report: SyncReportDocument, color = colors()): string[] {
  const out: string[] = [];
  let current = '';
  for (const d of report.diagnostics) {
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

export function syncSummary(report: SyncReportDocument): string {
  const f = report.files;
  return (
    `synced ${report.repos} repos: ${f.scanned} files scanned, ${f.read} read, ${f.parsed} parsed, ${f.removed} removed; ` +
    `${report.documents} documents, ${report.tasks} tasks; ${report.error_count} errors, ${report.warning_count} warnings (${report.duration_ms} ms)`
  );
}

export function syncChangeLine(change: SyncChangeDocument): string {
  return `${change.change.padEnd(7)}  ${change.repo_slug}/${change.file}  (${change.tasks} tasks, ${change.diagnostics} diagnostics)`;
}
