// The parse-report JSON document and its human view.
import type { ParsedDocument, ParseResult, Task } from '../../documents/model.js';
import { diagnosticItem } from '../../api/items/diagnostic.js';
import { colors } from '../output.js';
import { formatDiagnosticLine } from './diagnostic.js';

export function parseReportJson(results: ParseResult[]) {
  return {
    schema_version: 1,
    kind: 'parse-report',
    files: results.map((result) => ({
      file: result.file,
      documents: result.documents.map(documentJson),
      diagnostics: result.diagnostics.map(diagnosticItem),
    })),
  };
}

function documentJson(doc: ParsedDocument) {
  return {
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    status: doc.status,
    status_raw: doc.status_raw,
    valid: doc.valid,
    line: doc.line,
    column: doc.column,
    fields: doc.fields,
    tasks: doc.tasks.map(taskJson),
  };
}

function taskJson(task: Task) {
  return {
    id: task.id,
    local_id: task.local_id,
    title: task.title,
    status: task.status,
    status_raw: task.status_raw,
    priority: task.priority,
    priority_raw: task.priority_raw,
    depends_on: task.depends_on,
    needs_human: task.needs_human,
    workplan_id: task.workplan_id,
    line: task.line,
    column: task.column,
    end_line: task.end_line,
    declared_in: task.mirror ? [task.source.kind, task.mirror.source.kind] : [task.source.kind],
    description: task.description,
    acceptance_criteria: task.acceptance_criteria,
    fields: task.fields,
  };
}

export function parseReportText(results: ParseResult[], color = colors()): string[] {
  const out: string[] = [];
  for (const result of results) {
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
