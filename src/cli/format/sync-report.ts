// The human view of a sync report and of a watched change, from their documents.
import type { SyncReportDocument } from '../../api/sync.js';
import type { SyncChangeDocument } from '../../api/watch.js';
import { colors } from '../output.js';
import { formatDiagnosticLine } from './diagnostic.js';

/** Nothing was read into the index: the diagnostics are those of the last sync that changed it. */
export function unchangedIndex(report: SyncReportDocument): boolean {
  return !report.full && report.files.parsed === 0 && report.files.removed === 0;
}

/** The diagnostics, grouped by file; none when the sync changed nothing (they were shown when they appeared). */
export function syncReportText(report: SyncReportDocument, color = colors()): string[] {
  const out: string[] = [];
  if (unchangedIndex(report)) return out;
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
  const problems = `${plural(report.error_count, 'error')}, ${plural(report.warning_count, 'warning')}`;
  const held = `${plural(report.documents, 'document')}, ${plural(report.tasks, 'task')}; ${problems}`;
  if (unchangedIndex(report)) {
    const hint = report.error_count + report.warning_count > 0 ? ' (custodian check lists them)' : '';
    return `index up to date: ${plural(report.repos, 'repo')}, ${plural(f.scanned, 'file')}; ${held}${hint} (${report.duration_ms} ms)`;
  }
  return `synced ${plural(report.repos, 'repo')}: ${plural(f.scanned, 'file')} scanned, ${f.read} read, ${f.parsed} parsed, ${f.removed} removed; ${held} (${report.duration_ms} ms)`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function syncChangeLine(change: SyncChangeDocument): string {
  return `${change.change.padEnd(7)}  ${change.repo_slug}/${change.file}  (${change.tasks} tasks, ${change.diagnostics} diagnostics)`;
}
