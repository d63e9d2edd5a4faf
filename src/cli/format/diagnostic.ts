// One diagnostic as a stylish line: `line:col  severity  message  rule-id`.
import type { Diagnostic } from '../../documents/model.js';
import type { Colors } from '../output.js';

export function formatDiagnosticLine(d: Diagnostic, color: Colors): string {
  const severity = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.blue('info');
  return `${color.dim(`${d.line}:${d.column}`.padEnd(8))} ${severity.padEnd(d.severity === 'error' ? 7 : 7)}  ${d.message}  ${color.dim(d.rule_id)}`;
}
