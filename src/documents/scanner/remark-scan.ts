// scanWithRemark(): the same block scan as scanMarkdown(), read off remark's mdast. It is the
// fallback for texts the line scanner declines and the oracle its differential tests compare
// against. Positions come from the mdast nodes; everything else is read from the source so
// that it means exactly what the scanner's fields mean.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Heading, Nodes } from 'mdast';
import type { BlockScan, ScanOptions, ScannedFence, ScannedHeading } from './types.js';

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Line starts and ends (before the line ending) of the whole text, 1-based. */
class LineTable {
  readonly starts: number[] = [0, 0];
  readonly ends: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  start(line: number): number {
    return this.starts[line] ?? 0;
  }

  end(line: number): number {
    return this.ends[line] ?? this.ends[this.ends.length - 1];
  }
}

const LINE_ENDING = /\r\n|\r|\n/;

function trimSpaces(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

export function scanWithRemark(text: string, options: ScanOptions = {}): BlockScan {
  const from = Math.max(0, Math.min(options.from ?? 0, text.length));
  const lines = new LineTable(text);
  // remark sees only the body: shift its points back into the whole text.
  let firstLine = 1;
  while (firstLine + 1 < lines.starts.length && lines.start(firstLine + 1) <= from) firstLine++;
  const firstColumnShift = from - lines.start(firstLine);
  const toWhole = (p: Point): Point => ({
    line: p.line + firstLine - 1,
    column: p.line === 1 ? p.column + firstColumnShift : p.column,
    offset: (p.offset ?? 0) + from,
  });

  const tree = unified().use(remarkParse).parse(text.slice(from));
  const headings: ScannedHeading[] = [];
  const fences: ScannedFence[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') headings.push(readHeading(node, text, toWhole));
    else if (node.type === 'code') {
      const fence = readFence(node, text, lines, toWhole);
      if (fence !== null) fences.push(fence);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { headings, fences };
}

function readHeading(node: Heading, text: string, toWhole: (p: Point) => Point): ScannedHeading {
  const start = toWhole(node.position!.start as Point);
  const end = toWhole(node.position!.end as Point);
  const setext = end.line > start.line;
  let content = '';
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (first !== undefined && last !== undefined) {
    const raw = text.slice(toWhole(first.position!.start as Point).offset, toWhole(last.position!.end as Point).offset);
    // Lines after the first start with their container prefixes (`>` and indentation): a
    // paragraph continuation line cannot itself begin with `>`, so stripping them is exact.
    content = raw
      .split(LINE_ENDING)
      .map((line, i) => trimSpaces(i === 0 ? line : line.replace(/^[ \t>]+/, '')))
      .join(' ');
  }
  return {
    level: node.depth,
    text: content,
    setext,
    line: start.line,
    column: start.column,
    offset: start.offset,
    end_line: end.line,
  };
}

function readFence(node: Code, text: string, lines: LineTable, toWhole: (p: Point) => Point): ScannedFence | null {
  const start = toWhole(node.position!.start as Point);
  const end = toWhole(node.position!.end as Point);
  const markerChar = text[start.offset];
  if (markerChar !== '`' && markerChar !== '~') return null; // indented code
  let runEnd = start.offset;
  while (text[runEnd] === markerChar) runEnd++;
  const fenceLength = runEnd - start.offset;

  // micromark ends an unclosed block at the end of the text after its final line ending.
  let endLine = end.line;
  if (end.column === 1 && end.offset === text.length && endLine > start.line && lines.start(endLine) === text.length) {
    endLine--;
  }
  const value = (node.value ?? '').replace(/\r\n?/g, '\n');
  const valueLines = value === '' ? [] : value.split('\n');
  const lastLine = text.slice(lines.start(endLine), lines.end(endLine)).replace(/[ \t]+$/, '');
  let sequence = 0;
  while (sequence < lastLine.length && lastLine[lastLine.length - 1 - sequence] === markerChar) sequence++;
  const looksClosing =
    endLine > start.line &&
    sequence >= fenceLength &&
    /^[ \t>]*$/.test(lastLine.slice(0, lastLine.length - sequence));
  const closedCount = endLine - start.line - 1;
  const closed = looksClosing && (valueLines.length === closedCount || (value === '' && closedCount <= 1));

  // mdast drops the last content line when it is empty and no closing fence follows it.
  const lineCount = closed ? closedCount : endLine - start.line;
  const contentLines = valueLines.slice();
  if (contentLines.length === lineCount - 1) contentLines.push('');

  const offsets: number[] = [];
  const countsAgree = contentLines.length === lineCount;
  let exact = countsAgree;
  if (countsAgree) {
    for (let i = 0; i < contentLines.length; i++) {
      const lineEnd = lines.end(start.line + 1 + i);
      const offset = lineEnd - contentLines[i].length;
      if (offset < lines.start(start.line + 1 + i) || text.slice(offset, lineEnd) !== contentLines[i]) exact = false;
      offsets.push(offset);
    }
  }
  const rest = text.slice(lines.end(endLine));
  const infoEnd = lines.end(start.line);
  return {
    info: trimSpaces(text.slice(runEnd, infoEnd)),
    content: contentLines.join('\n'),
    marker: markerChar,
    fence_length: fenceLength,
    line: start.line,
    column: start.column,
    start_offset: lines.start(start.line),
    end_offset: lines.end(endLine),
    end_line: endLine,
    closed,
    to_eof: !closed && /^(\r\n|\r|\n)?$/.test(rest),
    content_offsets: offsets,
    exact_offsets: exact,
    content_line: start.line + 1,
  };
}
