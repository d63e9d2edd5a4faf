// The line-by-line block parser behind scanMarkdown(). It follows CommonMark's two-phase
// algorithm for each line: first match the open containers (block quotes, list items) and the
// open leaf, then look for new block starts, then give what is left to a leaf (or continue a
// paragraph lazily). Only headings and fenced code blocks are recorded; every other block is
// tracked just far enough to know where it starts and ends.

import type { ScannedFence, ScannedHeading } from './types.js';
import { LineCursor, SPACE, TAB } from './line-cursor.js';
import {
  atxContent,
  atxLevel,
  isClosingFence,
  isThematicBreak,
  openingFenceLength,
  setextUnderlineLevel,
  trimEndSpaces,
  trimStartSpaces,
} from './leaf-starts.js';
import { consumeListMarker } from './list-marker.js';
import { EndState, htmlBlockEnds, htmlBlockStart } from './html-blocks.js';

/** Deeper nesting is handed to remark (each level costs work on every line). */
export const MAX_CONTAINER_DEPTH = 64;

const enum Leaf {
  None,
  Paragraph,
  Fence,
  IndentedCode,
  Html,
}

const BLOCK_QUOTE = 0;
const LIST_ITEM = 1;

interface OpenContainer {
  kind: typeof BLOCK_QUOTE | typeof LIST_ITEM;
  /** List items: the indentation a line needs to continue the item. */
  width: number;
  /** Whether any block was opened inside (an empty item ends at a blank line). */
  hasChild: boolean;
}

interface OpenFence {
  marker: number;
  length: number;
  /** Columns of indentation of the opening fence, removed from content lines. */
  indent: number;
  line: number;
  column: number;
  startOffset: number;
  info: string;
  /** Where each content line starts in the text, and where each ends once they stop being
   *  contiguous (until then each ends one `\n` before the next starts). */
  offsets: number[];
  ends: number[] | null;
  /** End of the last content line. */
  contentEnd: number;
  /** Content lines that are not the text between their offsets (partial tabs). */
  rewritten: Map<number, string> | null;
  exact: boolean;
  lastLine: number;
  lastLineEnd: number;
}

/** Raised inside the scan when the input needs remark; caught by scan(). */
export class Unsupported {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {}
}

/** Characters that can begin a block start (anything else is paragraph text). */
function maybeBlockStart(c: number): boolean {
  switch (c) {
    case 35: // #
    case 96: // `
    case 126: // ~
    case 42: // *
    case 43: // +
    case 95: // _
    case 61: // =
    case 60: // <
    case 62: // >
    case 45: // -
      return true;
    default:
      return c >= 48 && c <= 57;
  }
}

/**
 * Whether a paragraph could open with a link reference definition (`[label]:`), which
 * CommonMark removes before deciding on a setext heading. The label may span lines, holds no
 * unescaped `[` and is at most 999 characters long.
 */
function mayStartWithLinkDefinition(text: string, ranges: number[], rangesEnd: number): boolean {
  if (text.charCodeAt(ranges[0]) !== 91 /* [ */) return false;
  let length = 0;
  for (let r = 0; r < rangesEnd; r += 2) {
    for (let i = r === 0 ? ranges[0] + 1 : ranges[r]; i < ranges[r + 1]; i++) {
      const c = text.charCodeAt(i);
      if (++length > 1000) return false;
      if (c === 92 /* \\ */) i++;
      else if (c === 91) return false;
      else if (c === 93 /* ] */) return i + 1 < ranges[r + 1] && text.charCodeAt(i + 1) === 58 /* : */;
    }
  }
  return false;
}

/** A fence's content lines joined with `\n`. */
function fenceContent(text: string, fence: OpenFence): string {
  const count = fence.offsets.length;
  if (count === 0) return '';
  if (fence.ends === null) return text.slice(fence.offsets[0], fence.contentEnd);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(fence.rewritten?.get(i) ?? text.slice(fence.offsets[i], fence.ends[i]));
  return lines.join('\n');
}

export class BlockScanner {
  readonly headings: ScannedHeading[] = [];
  readonly fences: ScannedFence[] = [];

  private readonly text: string;
  private readonly cur: LineCursor;
  private readonly containers: OpenContainer[] = [];
  private leaf = Leaf.None;
  private fence: OpenFence | null = null;
  private htmlKind = 0;
  private paraLine = 0;
  private paraOffset = 0;
  private paraColumn = 0;
  /** [start, end) pairs of the open paragraph's lines, in paraRanges[0, paraRangesEnd). */
  private readonly paraRanges: number[] = [];
  private paraRangesEnd = 0;

  private lineNo = 0;
  /** Offset that columns on the current line count from (the line's real start). */
  private columnBase = 0;
  // Per-line matching state.
  private matched = 0;
  private leafMatched = false;
  private allClosed = true;

  constructor(text: string) {
    this.text = text;
    this.cur = new LineCursor(text);
  }

  /** Scans the line text[lineStart, lineEnd); `columnBase` is where the line really begins. */
  scanLine(lineNo: number, lineStart: number, lineEnd: number, columnBase: number): void {
    this.lineNo = lineNo;
    this.columnBase = columnBase;
    const cur = this.cur;
    cur.startLine(lineStart, lineEnd);
    if (this.containers.length === 0 && this.scanPlainLine(lineStart, lineEnd)) return;

    if (this.matchContainers()) return;
    const leafAcceptsLine =
      this.leafMatched && this.leaf !== Leaf.Paragraph && this.leaf !== Leaf.None;
    if (leafAcceptsLine) {
      this.addLineToLeaf();
      return;
    }
    if (this.findBlockStarts()) return;

    // What is left of the line is text.
    if (!this.allClosed && !cur.blank && this.leaf === Leaf.Paragraph) {
      this.addParagraphLine(cur.offset, lineEnd); // lazy continuation
      return;
    }
    this.closeUnmatched();
    if (this.leaf === Leaf.Paragraph) {
      this.addParagraphLine(cur.offset, lineEnd);
    } else if (this.leaf !== Leaf.None) {
      this.addLineToLeaf();
    } else if (!cur.blank) {
      this.openLeaf(Leaf.Paragraph);
      this.paraLine = lineNo;
      this.paraOffset = cur.offset;
      this.paraColumn = cur.offset - columnBase + 1;
      this.paraRangesEnd = 0;
      this.addParagraphLine(cur.offset, lineEnd);
    }
  }

  /**
   * The common lines outside containers, settled by their first character alone: text that
   * continues or opens a paragraph, and fence content that cannot close the fence. Returns
   * false for anything else (the full algorithm then decides).
   */
  private scanPlainLine(lineStart: number, lineEnd: number): boolean {
    const c = lineStart < lineEnd ? this.text.charCodeAt(lineStart) : -1;
    if (this.leaf === Leaf.Fence) {
      if (c === SPACE || c === TAB || c === this.fence!.marker) return false;
      this.addLineToLeaf();
      return true;
    }
    if ((this.leaf !== Leaf.None && this.leaf !== Leaf.Paragraph) || c === -1 || c === SPACE || c === TAB || maybeBlockStart(c)) {
      return false;
    }
    if (this.leaf === Leaf.Paragraph) {
      this.addParagraphLine(lineStart, lineEnd);
    } else {
      this.leaf = Leaf.Paragraph;
      this.paraLine = this.lineNo;
      this.paraOffset = lineStart;
      this.paraColumn = lineStart - this.columnBase + 1;
      this.paraRangesEnd = 0;
      this.addParagraphLine(lineStart, lineEnd);
    }
    return true;
  }

  private addParagraphLine(start: number, end: number): void {
    this.paraRanges[this.paraRangesEnd++] = start;
    this.paraRanges[this.paraRangesEnd++] = end;
  }

  /** Closes whatever is still open at the end of the text. */
  finish(): void {
    if (this.leaf === Leaf.Fence) this.finishFence(false, true);
    this.leaf = Leaf.None;
    this.containers.length = 0;
  }

  /**
   * Phase one: which open containers (and the open leaf) this line continues. Returns true
   * when the line closed a fence and needs nothing more.
   */
  private matchContainers(): boolean {
    const cur = this.cur;
    const containers = this.containers;
    let matched = 0;
    for (; matched < containers.length; matched++) {
      const container = containers[matched];
      cur.findNextNonspace();
      if (container.kind === BLOCK_QUOTE) {
        if (cur.indented || cur.peek(cur.nextNonspace) !== 62 /* > */) break;
        cur.advanceToNextNonspace();
        cur.advanceChars(1);
        const c = cur.peek(cur.offset);
        if (c === SPACE || c === TAB) cur.advanceColumns(1);
      } else if (cur.blank) {
        if (!container.hasChild) break;
        // Blank lines keep the item open; whitespace past its indentation stays content.
        cur.advanceColumns(Math.min(cur.indent, container.width));
      } else if (cur.indent >= container.width) {
        cur.advanceColumns(container.width);
      } else {
        break;
      }
    }
    this.matched = matched;
    this.leafMatched = false;
    if (matched === containers.length && this.leaf !== Leaf.None) {
      cur.findNextNonspace();
      switch (this.leaf) {
        case Leaf.Fence: {
          const fence = this.fence!;
          if (
            !cur.indented &&
            cur.peek(cur.nextNonspace) === fence.marker &&
            isClosingFence(this.text, cur.nextNonspace, cur.lineEnd, fence.marker, fence.length)
          ) {
            fence.lastLine = this.lineNo;
            fence.lastLineEnd = cur.lineEnd;
            this.finishFence(true, false);
            this.leaf = Leaf.None;
            return true;
          }
          for (let i = fence.indent; i > 0; i--) {
            const c = cur.peek(cur.offset);
            if (c !== SPACE && c !== TAB) break;
            cur.advanceColumns(1);
          }
          this.leafMatched = true;
          break;
        }
        case Leaf.IndentedCode:
          if (cur.indented) {
            cur.advanceColumns(4);
            this.leafMatched = true;
          } else if (cur.blank) {
            cur.advanceToNextNonspace();
            this.leafMatched = true;
          }
          break;
        case Leaf.Html:
          this.leafMatched = !(cur.blank && this.htmlKind >= 6);
          break;
        case Leaf.Paragraph:
          this.leafMatched = !cur.blank;
          break;
      }
    }
    this.allClosed = matched === containers.length && (this.leaf === Leaf.None || this.leafMatched);
    return false;
  }

  /**
   * Phase two: new block starts on the rest of the line. Returns true when a leaf start
   * (heading, fence, HTML block, thematic break, indented code) consumed the line.
   */
  private findBlockStarts(): boolean {
    const cur = this.cur;
    const text = this.text;
    // remark treats every list item on a line that follows paragraph text or indented code
    // (all containers continued) as interrupting it, even inside a container opened on this
    // line; CommonMark does so only for an item directly after paragraph text.
    const remarkInterrupts =
      this.matched === this.containers.length &&
      ((this.leaf === Leaf.Paragraph && this.leafMatched) || this.leaf === Leaf.IndentedCode);
    for (;;) {
      cur.findNextNonspace();
      const c = cur.peek(cur.nextNonspace);
      if (!cur.indented && !maybeBlockStart(c)) {
        cur.advanceToNextNonspace();
        return false;
      }
      // The innermost matched block is the open paragraph itself.
      const inParagraph = this.leaf === Leaf.Paragraph && this.leafMatched && this.allClosed;
      const maybeLazy = !this.allClosed && !cur.blank && this.leaf === Leaf.Paragraph;
      if (!cur.indented) {
        const p = cur.nextNonspace;
        const end = cur.lineEnd;
        if (c === 62 /* > */) {
          cur.advanceToNextNonspace();
          cur.advanceChars(1);
          const d = cur.peek(cur.offset);
          if (d === SPACE || d === TAB) cur.advanceColumns(1);
          this.openContainer(BLOCK_QUOTE, 0);
          continue;
        }
        if (c === 35 /* # */) {
          const level = atxLevel(text, p, end);
          if (level > 0) {
            this.openLeaf(Leaf.None);
            const [start, contentEnd] = atxContent(text, p, level, end);
            this.headings.push({
              level,
              text: text.slice(start, contentEnd),
              setext: false,
              line: this.lineNo,
              column: p - this.columnBase + 1,
              offset: p,
              end_line: this.lineNo,
            });
            return true;
          }
        }
        if (c === 96 /* ` */ || c === 126 /* ~ */) {
          const length = openingFenceLength(text, p, end);
          if (length > 0) {
            this.openFence(c, length, p);
            return true;
          }
        }
        if (c === 60 /* < */) {
          const start = htmlBlockStart(text, p, end, inParagraph);
          if (start !== null) {
            if (start.kind === 7 && maybeLazy) {
              throw new Unsupported('complete HTML tag on a lazy continuation line', this.lineNo);
            }
            this.openLeaf(Leaf.Html);
            this.htmlKind = start.kind;
            if (start.kind <= 5 && htmlBlockEnds(start.kind, text, start.resumeAt, end, start.state)) {
              this.leaf = Leaf.None;
            }
            return true;
          }
        }
        if (inParagraph && (c === 61 /* = */ || c === 45 /* - */)) {
          const level = setextUnderlineLevel(text, p, end);
          if (level > 0) {
            this.closeSetextHeading(level);
            return true;
          }
        }
        if (isThematicBreak(text, p, end)) {
          this.openLeaf(Leaf.None);
          return true;
        }
      }
      const width = consumeListMarker(cur, inParagraph || remarkInterrupts);
      if (width < 0 && remarkInterrupts && !inParagraph && consumeListMarker(cur, false) >= 0) {
        throw new Unsupported('list item that remark reads as interrupting a block', this.lineNo);
      }
      if (width >= 0) {
        this.openContainer(LIST_ITEM, width);
        continue;
      }
      if (cur.indented && this.leaf !== Leaf.Paragraph && !cur.blank) {
        cur.advanceColumns(4);
        this.openLeaf(Leaf.IndentedCode);
        return true;
      }
      cur.advanceToNextNonspace();
      return false;
    }
  }

  private closeUnmatched(): void {
    if (this.allClosed) return;
    if (this.leaf !== Leaf.None && !this.leafMatched) this.closeLeaf();
    if (this.containers.length !== this.matched) this.containers.length = this.matched;
    this.allClosed = true;
  }

  private closeLeaf(): void {
    if (this.leaf === Leaf.Fence) this.finishFence(false, false);
    this.leaf = Leaf.None;
  }

  /** A new block goes into the innermost matched container: close what it replaces. */
  private openLeaf(kind: Leaf): void {
    this.closeUnmatched();
    this.closeLeaf();
    const depth = this.containers.length;
    if (depth > 0) this.containers[depth - 1].hasChild = true;
    this.leaf = kind;
  }

  private openContainer(kind: typeof BLOCK_QUOTE | typeof LIST_ITEM, width: number): void {
    this.openLeaf(Leaf.None);
    if (this.containers.length >= MAX_CONTAINER_DEPTH) {
      throw new Unsupported(`containers nested deeper than ${MAX_CONTAINER_DEPTH}`, this.lineNo);
    }
    this.containers.push({ kind, width, hasChild: false });
  }

  private openFence(marker: number, length: number, at: number): void {
    const cur = this.cur;
    const indent = cur.indent;
    this.openLeaf(Leaf.Fence);
    const infoStart = trimStartSpaces(this.text, at + length, cur.lineEnd);
    this.fence = {
      marker,
      length,
      indent,
      line: this.lineNo,
      column: at - this.columnBase + 1,
      startOffset: this.columnBase,
      info: this.text.slice(infoStart, trimEndSpaces(this.text, infoStart, cur.lineEnd)),
      offsets: [],
      ends: null,
      contentEnd: 0,
      rewritten: null,
      exact: true,
      lastLine: this.lineNo,
      lastLineEnd: cur.lineEnd,
    };
  }

  private addLineToLeaf(): void {
    const cur = this.cur;
    if (this.leaf === Leaf.Fence) {
      const fence = this.fence!;
      const text = this.text;
      let start = cur.offset;
      let rewritten: string | null = null;
      if (cur.partialTab) {
        start++;
        rewritten = ' '.repeat(cur.partialTabSpaces()) + text.slice(start, cur.lineEnd);
      }
      const count = fence.offsets.length;
      if (fence.ends === null && count > 0 && (rewritten !== null || start !== fence.contentEnd + 1 || text.charCodeAt(start - 1) !== 10)) {
        // No longer one slice of the text: remember where each line ends.
        fence.ends = fence.offsets.map((offset, i) => (i + 1 < count ? fence.offsets[i + 1] - 1 : fence.contentEnd));
      }
      if (rewritten !== null) {
        (fence.rewritten ??= new Map()).set(count, rewritten);
        fence.ends ??= [];
        fence.exact = false;
      }
      fence.offsets.push(start);
      fence.ends?.push(cur.lineEnd);
      fence.contentEnd = cur.lineEnd;
      fence.lastLine = this.lineNo;
      fence.lastLineEnd = cur.lineEnd;
    } else if (this.leaf === Leaf.Html && this.htmlKind <= 5) {
      if (htmlBlockEnds(this.htmlKind, this.text, cur.offset, cur.lineEnd, EndState.Plain)) {
        this.leaf = Leaf.None;
      }
    }
  }

  private closeSetextHeading(level: number): void {
    const ranges = this.paraRanges;
    const rangesEnd = this.paraRangesEnd;
    const text = this.text;
    if (mayStartWithLinkDefinition(text, ranges, rangesEnd)) {
      throw new Unsupported('paragraph that may hold link reference definitions before a setext underline', this.lineNo);
    }
    const parts: string[] = [];
    for (let i = 0; i < rangesEnd; i += 2) {
      const start = trimStartSpaces(text, ranges[i], ranges[i + 1]);
      if (i > 0 && text.charCodeAt(start) === 62 /* > */) {
        // Text that begins with `>` cannot be told from a block quote marker in remark's tree.
        throw new Unsupported('setext heading line beginning with ">"', this.lineNo);
      }
      parts.push(text.slice(start, trimEndSpaces(text, start, ranges[i + 1])));
    }
    this.headings.push({
      level,
      text: parts.join(' '),
      setext: true,
      line: this.paraLine,
      column: this.paraColumn,
      offset: this.paraOffset,
      end_line: this.lineNo,
    });
    this.leaf = Leaf.None;
  }

  private finishFence(closed: boolean, toEof: boolean): void {
    const fence = this.fence!;
    this.fence = null;
    let content = fenceContent(this.text, fence);
    if (content.indexOf('\u0000') !== -1) {
      // CommonMark replaces NUL with U+FFFD; the text then no longer holds the lines verbatim.
      content = content.replace(/\u0000/g, '\uFFFD');
      fence.exact = false;
    }
    this.fences.push({
      info: fence.info,
      content,
      marker: fence.marker === 96 ? '`' : '~',
      fence_length: fence.length,
      line: fence.line,
      column: fence.column,
      start_offset: fence.startOffset,
      end_offset: fence.lastLineEnd,
      end_line: fence.lastLine,
      closed,
      to_eof: toEof,
      content_offsets: fence.offsets,
      exact_offsets: fence.exact,
      content_line: fence.line + 1,
    });
  }
}
