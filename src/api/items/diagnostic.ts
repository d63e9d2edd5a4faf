// One diagnostic as JSON: the shape `parse`, `sync` and every command but `check` print
// (`check-report` has its own, with `fixable`).
import type { Diagnostic, Related, Severity } from '../../documents/model.js';

export interface DiagnosticItem {
  rule_id: string;
  severity: Severity;
  message: string;
  /** The repo's slug (absent in `parse-report`, which reads files outside any workspace). */
  repo?: string;
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  related?: Related[];
}

export function diagnosticItem(d: Diagnostic): DiagnosticItem {
  return {
    rule_id: d.rule_id,
    severity: d.severity,
    message: d.message,
    ...(d.repo === undefined ? {} : { repo: d.repo }),
    file: d.file,
    line: d.line,
    column: d.column,
    end_line: d.end_line,
    end_column: d.end_column,
    ...(d.related ? { related: d.related } : {}),
  };
}
