// Reading the headings and fenced code blocks of a remark (mdast) tree into the scanner's
// shape. Positions come from the nodes; everything else is read from the source so that it
// means exactly what the scanner's fields mean.

import type { Code, Heading, Nodes, Root } from 'mdast';
import type { BlockScan, ScannedFence, ScannedHeading } from './types.js';
import { LineTable } from './line-table.js';
import { decodeCodeValue } from './code-value.js';

interface Point {
  line: number;
  column: number;
  offset: number;
}

type ToWhole = (p: Point) => Point;

const LINE_ENDING = /\r\n|\r|\n/;

function trimSpaces(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The blocks of `tree`, remark's parse of text.slice(from), with positions in `text`. */
export function blockScanFromTree(tree: Root, text: string, from: number): BlockScan {
  const lines = new LineTable(text);
  // remark saw only the body: shift its points back into the whole text.
  const firstLine = lines.lineOf(from);
  const firstColumnShift = from - lines.start(firstLine);
  const toWhole: ToWhole = (p) => ({
    line: p.line + firstLine - 1,
    column: p.line === 1 ? p.column + firstColumnShift : p.column,
    offset: (p.offset ?? 0) + from,
  });

  // Every node in document order (pre-order), without recursion: trees can be deep.
  const nodes: Nodes[] = [];
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }

  const headings: ScannedHeading[] = [];
  const fences: ScannedFence[] = [];
  nodes.forEach((node, i) => {
    if (node.type === 'heading') headings.push(readHeading(node, text, toWhole));
    else if (node.type === 'code') {
      const next = nodes[i + 1]?.position?.start;
      const nextLine = next === undefined ? Infinity : toWhole(next as Point).line;
      const fence = readFence(node, text, lines, toWhole, nextLine);
      if (fence !== null) fences.push(fence);
    }
  });
  return { headings, fences };
}

function readHeading(node: Heading, text: string, toWhole: ToWhole): ScannedHeading {
  const end = toWhole(node.position!.end as Point);
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const setext = node.position!.end.line > node.position!.start.line;
  // A setext heading's node also spans link reference definitions removed from its
  // paragraph: its text starts where its first inline does.
  const start = toWhole((setext && first !== undefined ? first.position!.start : node.position!.start) as Point);
  let content = '';
  if (first !== undefined && last !== undefined) {
    const raw = text.slice(toWhole(first.position!.start as Point).offset, toWhole(last.position!.end as Point).offset);
    // Lines after the first start with their container prefixes (`>` and indentation). Text
    // of such a line cannot begin with `>` unless indented past a marker's reach, which the
    // line scanner declines, so stripping every leading `>` here is exact where it matters.
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

/** `nextLine`: where the next node in document order starts. */
function readFence(node: Code, text: string, lines: LineTable, toWhole: ToWhole, nextLine: number): ScannedFence | null {
  const start = toWhole(node.position!.start as Point);
  const end = toWhole(node.position!.end as Point);
  const markerChar = text[start.offset];
  if (markerChar !== '`' && markerChar !== '~') return null; // indented code
  let runEnd = start.offset;
  while (text[runEnd] === markerChar) runEnd++;
  const fenceLength = runEnd - start.offset;

  // An unclosed block's end can sit at the start of a line that is not its own: after the
  // text's final line ending, or on a line where a new container (the next node) closed the
  // block's container. Otherwise a line-start end is a content line whose container prefix
  // micromark leaves out (an empty line in a list item, a last line of bare `>`).
  let endLine = end.line;
  if (end.column === 1 && endLine > start.line) {
    const afterFinalLineEnding = end.offset === text.length && lines.start(endLine) === text.length;
    if (afterFinalLineEnding || nextLine === endLine) endLine--;
  }

  const value = node.value ?? '';
  const endings: string[] = [];
  for (let line = start.line; line <= endLine; line++) endings.push(lines.ending(line));
  // Each content line ends its source line, and what precedes it (the removed prefix) holds
  // one `>` per enclosing block quote, as the opening line does.
  const quotes = countQuoteMarkers(text.slice(lines.start(start.line), start.offset));
  const fits = (candidate: string[]): boolean =>
    candidate.every((content, i) => {
      // (remark, as CommonMark asks, turns NUL into U+FFFD)
      const source = text.slice(lines.start(start.line + 1 + i), lines.end(start.line + 1 + i)).replace(/\u0000/g, '\uFFFD');
      return source.endsWith(content) && countQuoteMarkers(source.slice(0, source.length - content.length)) === quotes;
    });
  let closed = false;
  let contentLines: string[] | null = null;
  if (looksLikeClosingFence(text.slice(lines.start(endLine), lines.end(endLine)), markerChar, fenceLength)) {
    contentLines = endLine > start.line ? decodeCodeValue(value, endLine - start.line - 1, endings, [true], fits) : null;
    closed = contentLines !== null;
  }
  contentLines ??= decodeCodeValue(value, endLine - start.line, endings, [false, true], fits);
  let exact = contentLines !== null;
  contentLines ??= value === '' ? [] : value.split(LINE_ENDING);

  const offsets: number[] = [];
  contentLines.forEach((content, i) => {
    const line = start.line + 1 + i;
    const offset = lines.end(line) - content.length;
    if (offset < lines.start(line) || text.slice(offset, lines.end(line)) !== content) exact = false;
    offsets.push(offset);
  });
  return {
    info: trimSpaces(text.slice(runEnd, lines.end(start.line))),
    content: contentLines.join('\n'),
    marker: markerChar,
    fence_length: fenceLength,
    line: start.line,
    column: start.column,
    start_offset: lines.start(start.line),
    end_offset: lines.end(endLine),
    end_line: endLine,
    closed,
    to_eof: !closed && /^(\r\n|\r|\n)?$/.test(text.slice(lines.end(endLine))),
    content_offsets: offsets,
    exact_offsets: exact,
    content_line: start.line + 1,
  };
}

function countQuoteMarkers(prefix: string): number {
  let count = 0;
  for (const c of prefix) if (c === '>') count++;
  return count;
}

/** A line that could close the fence: container prefixes, the fence sequence, spaces. */
function looksLikeClosingFence(line: string, marker: string, length: number): boolean {
  const trimmed = line.replace(/[ \t]+$/, '');
  let sequence = 0;
  while (sequence < trimmed.length && trimmed[trimmed.length - 1 - sequence] === marker) sequence++;
  return sequence >= length && /^[ \t>]*$/.test(trimmed.slice(0, trimmed.length - sequence));
}
