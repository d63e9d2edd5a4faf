// The differential check shared by the scanner tests: the line scanner either declines a text
// or finds exactly the headings and fences remark finds.

import { scanMarkdown } from '../../src/documents/scanner/scan.js';
import { scanWithRemark } from '../../src/documents/scanner/remark-scan.js';
import type { BlockScan, ScanOptions, ScannedFence } from '../../src/documents/scanner/types.js';

export type Verdict =
  | { kind: 'fallback'; reason: string }
  | { kind: 'agree'; headings: number; fences: number }
  | { kind: 'disagree'; problems: string[]; scanner: BlockScan; remark: BlockScan };

const HEADING_FIELDS = ['level', 'line', 'text', 'setext', 'column', 'offset', 'end_line'] as const;
const FENCE_FIELDS = [
  'info', 'content', 'line', 'end_line', 'closed', 'to_eof', 'marker', 'fence_length', 'column',
  'start_offset', 'end_offset', 'content_line',
] as const;

/** Every content line of a fence with exact offsets starts where content_offsets says. */
export function offsetProblems(text: string, fence: ScannedFence): string[] {
  if (!fence.exact_offsets) return [];
  const lines = fence.content === '' && fence.content_offsets.length === 0 ? [] : fence.content.split('\n');
  if (lines.length !== fence.content_offsets.length) {
    return [`fence at line ${fence.line}: ${lines.length} content lines, ${fence.content_offsets.length} offsets`];
  }
  return lines.flatMap((line, i) =>
    text.startsWith(line, fence.content_offsets[i])
      ? []
      : [`fence at line ${fence.line}: content line ${i} not at offset ${fence.content_offsets[i]}`],
  );
}

export function compareWithRemark(text: string, options: ScanOptions = {}): Verdict {
  const outcome = scanMarkdown(text, options);
  if (!outcome.ok) return { kind: 'fallback', reason: outcome.reason };
  const scanner: BlockScan = { headings: outcome.headings, fences: outcome.fences };
  const remark = scanWithRemark(text, options);
  const problems: string[] = [];
  if (scanner.headings.length !== remark.headings.length) {
    problems.push(`headings: scanner ${scanner.headings.length}, remark ${remark.headings.length}`);
  } else {
    scanner.headings.forEach((h, i) => {
      for (const field of HEADING_FIELDS) {
        if (h[field] !== remark.headings[i][field]) {
          problems.push(`heading ${i} ${field}: scanner ${JSON.stringify(h[field])}, remark ${JSON.stringify(remark.headings[i][field])}`);
        }
      }
    });
  }
  if (scanner.fences.length !== remark.fences.length) {
    problems.push(`fences: scanner ${scanner.fences.length}, remark ${remark.fences.length}`);
  } else {
    scanner.fences.forEach((f, i) => {
      const r = remark.fences[i];
      for (const field of FENCE_FIELDS) {
        if (f[field] !== r[field]) {
          problems.push(`fence ${i} ${field}: scanner ${JSON.stringify(f[field])}, remark ${JSON.stringify(r[field])}`);
        }
      }
      if (f.exact_offsets !== r.exact_offsets) {
        problems.push(`fence ${i} exact_offsets: scanner ${f.exact_offsets}, remark ${r.exact_offsets}`);
      } else if (f.exact_offsets && JSON.stringify(f.content_offsets) !== JSON.stringify(r.content_offsets)) {
        problems.push(`fence ${i} content_offsets: scanner ${f.content_offsets}, remark ${r.content_offsets}`);
      }
    });
  }
  for (const fence of scanner.fences) problems.push(...offsetProblems(text, fence));
  if (problems.length > 0) return { kind: 'disagree', problems, scanner, remark };
  return { kind: 'agree', headings: scanner.headings.length, fences: scanner.fences.length };
}
