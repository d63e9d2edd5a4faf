// scanMarkdown(): the linear-time CommonMark block scan used on the sync path. It finds the
// ATX/setext headings and fenced code blocks CommonMark finds (inside block quotes and list
// items too), or reports that the text holds a construct it does not model exactly, so the
// caller can hand that one file to remark.

import type { ScanOptions, ScanOutcome } from './types.js';
import { BlockScanner } from './block-scanner.js';
import { Unsupported } from './unsupported.js';

const LF = 10;
const CR = 13;

/** 1-based line number of `offset` and the offset where that line starts. */
function lineAt(text: string, offset: number): { line: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      start = i + 1;
    }
  }
  return { line, start };
}

export function scanMarkdown(text: string, options: ScanOptions = {}): ScanOutcome {
  const from = Math.max(0, Math.min(options.from ?? 0, text.length));
  const scanner = new BlockScanner(text);
  const first = lineAt(text, from);
  // The next `\n` and `\r` at or after `pos` (-1: none left), each found with indexOf.
  let nextLF = text.indexOf('\n', from);
  let nextCR = text.indexOf('\r', from);
  let lineNo = first.line;
  let pos = from;
  try {
    while (pos < text.length) {
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf('\n', pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf('\r', pos);
      let end = nextLF === -1 ? text.length : nextLF;
      if (nextCR !== -1 && nextCR < end) end = nextCR;
      scanner.scanLine(lineNo, pos, end, pos === from ? first.start : pos);
      pos = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
      lineNo++;
    }
    scanner.finish();
  } catch (error) {
    if (error instanceof Unsupported) {
      const before = (block: { end_line: number }) => block.end_line < error.line;
      return { ok: false, reason: error.reason, line: error.line, headings: scanner.headings.filter(before), fences: scanner.fences.filter(before) };
    }
    throw error;
  }
  return { ok: true, headings: scanner.headings, fences: scanner.fences };
}
