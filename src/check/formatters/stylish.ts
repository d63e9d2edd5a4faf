// People's format: grouped by file, `line:col  severity  message  rule-id`, aligned per file.
import { visible } from '../../visible.js';
import type { CheckDiagnostic } from '../types.js';
import { summaryLine, type Formatter, type Paint } from './types.js';

const plain: Paint = { red: (t) => t, yellow: (t) => t, blue: (t) => t, dim: (t) => t, bold: (t) => t, underline: (t) => t };

export const stylish: Formatter = (input) => {
  const paint = input.paint ?? plain;
  const groups = new Map<string, CheckDiagnostic[]>();
  for (const d of input.diagnostics) {
    // File names and messages (which quote ids and titles) come from files: shown visibly.
    const path = visible(input.displayPath(d.repo, d.file));
    const group = groups.get(path);
    if (group) group.push(d);
    else groups.set(path, [d]);
  }
  const out: string[] = [];
  for (const [path, diagnostics] of groups) {
    const rows = diagnostics.map((d) => ({ at: `${d.line}:${d.column}`, severity: d.severity, message: visible(d.message.replace(/\r\n|\r|\n/g, ' ')), rule: d.rule_id }));
    // reduce, not Math.max(...spread): one file may carry more diagnostics than a call takes arguments.
    const atWidth = rows.reduce((width, r) => Math.max(width, r.at.length), 0);
    const messageWidth = rows.reduce((width, r) => Math.max(width, r.message.length), 0);
    out.push(paint.underline(path));
    for (const r of rows) {
      const severity = r.severity === 'error' ? paint.red('error  ') : r.severity === 'warning' ? paint.yellow('warning') : paint.blue('info   ');
      out.push(`  ${paint.dim(r.at.padEnd(atWidth))}  ${severity}  ${r.message.padEnd(messageWidth)}  ${paint.dim(r.rule)}`);
    }
    out.push('');
  }
  return { stdout: out.join('\n'), stderr: `${summaryLine(input)}\n` };
};
