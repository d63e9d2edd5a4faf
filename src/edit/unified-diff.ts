// A unified diff (git's format: a/ b/ labels, 3 lines of context) for --dry-run output.
import { diffLines, type DiffOp } from './line-diff.js';

const CONTEXT = 3;

/**
 * Lines keep their terminators for the comparison, so a changed line ending shows as a changed
 * line; the printed line drops it, and a last line without one gets git's marker.
 */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return '';
  const { skipped, ops } = diffLines(splitLines(before), splitLines(after), CONTEXT);
  const out = [`--- a/${label}`, `+++ b/${label}`];
  for (const [first, last] of hunkRanges(ops)) {
    let aStart = 1 + skipped;
    let bStart = 1 + skipped;
    for (let i = 0; i < first; i++) {
      if (ops[i].kind !== 'insert') aStart++;
      if (ops[i].kind !== 'delete') bStart++;
    }
    const header = out.length;
    out.push('');
    let aCount = 0;
    let bCount = 0;
    for (let i = first; i <= last; i++) {
      const op = ops[i];
      if (op.kind !== 'insert') aCount++;
      if (op.kind !== 'delete') bCount++;
      const sign = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
      const content = op.line.replace(/\r?\n$|\r$/, '');
      out.push(sign + content);
      if (content === op.line) out.push('\\ No newline at end of file');
    }
    out[header] = `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`;
  }
  return `${out.join('\n')}\n`;
}

/** An empty range names the line before it, as diff and git do (`-0,0` before the first line). */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** Changes closer than twice the context share a hunk. */
function hunkRanges(ops: DiffOp[]): Array<[number, number]> {
  const changes: number[] = [];
  ops.forEach((op, i) => {
    if (op.kind !== 'equal') changes.push(i);
  });
  const ranges: Array<[number, number]> = [];
  let h = 0;
  while (h < changes.length) {
    const first = Math.max(0, changes[h] - CONTEXT);
    while (h + 1 < changes.length && changes[h + 1] - changes[h] - 1 <= 2 * CONTEXT) h++;
    ranges.push([first, Math.min(ops.length - 1, changes[h] + CONTEXT)]);
    h++;
  }
  return ranges;
}

/** Lines with their terminators (`\r\n`, `\n` or a lone `\r`); no empty last element. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}
