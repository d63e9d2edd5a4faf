// The check-report JSON document (DESIGN: "Consistency check").
import { countDiagnostics, type Formatter, type ReportInput } from './types.js';

export function checkReport(input: ReportInput) {
  const counts = countDiagnostics(input.diagnostics);
  return {
    schema_version: 1,
    kind: 'check-report',
    mode: input.mode,
    error_count: counts.errors,
    warning_count: counts.warnings,
    fixable_count: counts.fixable,
    diagnostics: input.diagnostics.map((d) => ({
      repo: d.repo,
      file: d.file,
      line: d.line,
      column: d.column,
      end_line: d.end_line,
      end_column: d.end_column,
      rule_id: d.rule_id,
      severity: d.severity,
      message: d.message,
      fixable: d.fixable,
      ...(d.related && d.related.length > 0
        ? { related: d.related.map((r) => ({ repo: r.repo ?? d.repo, file: r.file, line: r.line, column: r.column })) }
        : {}),
    })),
  };
}

export const json: Formatter = (input) => ({ stdout: `${JSON.stringify(checkReport(input), null, 2)}\n`, stderr: '' });
