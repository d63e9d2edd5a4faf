// One diagnostic as a stylish line: `line:col  severity  message  rule-id`.
import type { DiagnosticItem } from '../../api/items/diagnostic.js';
import type { Colors } from '../output.js';

export function formatDiagnosticLine(d: Pick<DiagnosticItem, 'severity' | 'line' | 'column' | 'message' | 'rule_id'>, color: Colors): string {
  const severity = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.blue('info');
  return `${color.dim(`${d.line}:${d.column}`.padEnd(8))} ${severity.padEnd(d.severity === 'error' ? 7 : 7)}  ${d.message}  ${color.dim(d.rule_id)}`;
}
