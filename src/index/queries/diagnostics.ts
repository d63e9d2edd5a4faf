// Parse diagnostics recorded by sync, per file, in file order.
import type { Diagnostic, Severity } from '../../documents/model.js';
import type { IndexDb } from '../db.js';

export function selectDiagnostics(db: IndexDb, repos?: string[]): Diagnostic[] {
  const where = repos ? `WHERE repo IN (${repos.map(() => '?').join(', ') || 'NULL'})` : '';
  const rows = db
    .prepare(`SELECT repo, path, rule_id, severity, message, line, col, end_line, end_col FROM diagnostics ${where} ORDER BY repo, path, line, col, id`)
    .all(...(repos ?? [])) as { repo: string; path: string; rule_id: string; severity: Severity; message: string; line: number; col: number; end_line: number; end_col: number }[];
  return rows.map((r) => ({
    rule_id: r.rule_id,
    severity: r.severity,
    message: r.message,
    repo: r.repo,
    file: r.path,
    line: r.line,
    column: r.col,
    end_line: r.end_line,
    end_column: r.end_col,
  }));
}

export function countRows(db: IndexDb, table: 'documents' | 'tasks' | 'files'): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}
