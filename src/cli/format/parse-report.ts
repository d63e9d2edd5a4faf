// The human view of a parse report, from its document.
import type { ParseReportDocument } from '../../api/parse.js';
import { colors } from '../output.js';
import { formatDiagnosticLine } from './diagnostic.js';

export function parseReportText(report: ParseReportDocument, color = colors()): string[] {
  const out: string[] = [];
  for (const result of report.files) {
    out.push(color.underline(result.file));
    for (const doc of result.documents) {
      const status = doc.status ?? (doc.status_raw === null ? 'no status' : `unknown status ${JSON.stringify(doc.status_raw)}`);
      out.push(`  ${doc.kind} ${doc.id ?? color.red('(no id)')}  ${doc.title ?? ''}  [${status}]${doc.valid ? '' : color.red('  (front-matter invalid)')}`);
      for (const task of doc.tasks) {
        out.push(`    ${String(task.line).padStart(4)}  ${task.id ?? color.red('(no id)')}  ${task.status ?? `?${task.status_raw}`}  ${task.priority}  ${task.title}`);
      }
    }
    for (const d of result.diagnostics) out.push(`  ${formatDiagnosticLine(d, color)}`);
    out.push('');
  }
  return out;
}
