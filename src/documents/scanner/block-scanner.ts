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
  maybeBlockStart,
  openingFenceLength,
  setextUnderlineLevel,
  trimEndSpaces,
  trimStartSpaces,
} from './leaf-starts.js';
import { AMBIGUOUS_MARKER, consumeListMarker } from './list-marker.js';
import {
  EndState,
  ONLY_COMMONMARK_SEES_TAG,
  ONLY_REMARK_SEES_TAG,
  cdataEndMissed,
  htmlBlockEnds,
  htmlBlockStart,
} from './html-blocks.js';
import { FenceBuilder } from './fence-builder.js';
import { ParagraphLines } from './paragraph-lines.js';
import { Unsupported } from './unsupported.js';

/** Deeper nesting is handed to remark (each level costs work on every line). */
export const MAX_CONTAINER_DEPTH = 64;
export const NESTING_REASON = `containers nested deeper than ${MAX_CONTAINER_DEPTH}`;

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

export class BlockScanner {
  readonly headings: ScannedHeading[] = [];
  readonly fences: ScannedFence[] = [];

  private readonly text: string;
  private readonly cur: LineCursor;
  private readonly containers: OpenContainer[] = [];
  private leaf = Leaf.None;
  private fence: FenceBuilder | null = null;
  private htmlKind = 0;
  private readonly paragraph: ParagraphLines;

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
    this.paragraph = new ParagraphLines(text);
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
      this.paragraph.add(cur.offset, lineEnd); // lazy continuation
      return;
    }
    this.closeUnmatched();
    // Unmatched leaves are closed now: only a paragraph can still be open.
    if (this.leaf === Leaf.Paragraph) {
      this.paragraph.add(cur.offset, lineEnd);
    } else if (!cur.blank) {
      this.openLeaf(Leaf.Paragraph);
      this.paragraph.open(lineNo, cur.offset, lineEnd, cur.offset - columnBase + 1);
    }
  }

  /**
   * The common lines outside containers, settled by their first character alone: text that
   * continues or opens a paragraph, fence content that cannot close the fence, and empty
   * lines. Returns false for anything else (the full algorithm then decides).
   */
  private scanPlainLine(lineStart: number, lineEnd: number): boolean {
    const c = lineStart < lineEnd ? this.text.charCodeAt(lineStart) : -1;
    if (this.leaf === Leaf.Fence) {
      if (c === SPACE || c === TAB || c === this.fence!.marker) return false;
      this.addLineToLeaf();
      return true;
    }
    if (c === -1) {
      // An empty line ends a paragraph and an HTML block of kind 6 or 7; other blocks go on.
      if (this.leaf === Leaf.Paragraph || (this.leaf === Leaf.Html && this.htmlKind >= 6)) this.leaf = Leaf.None;
      return true;
    }
    if ((this.leaf !== Leaf.None && this.leaf !== Leaf.Paragraph) || c === SPACE || c === TAB || maybeBlockStart(c)) {
      return false;
    }
    if (this.leaf === Leaf.Paragraph) {
      this.paragraph.add(lineStart, lineEnd);
    } else {
      this.leaf = Leaf.Paragraph;
      this.paragraph.open(this.lineNo, lineStart, lineEnd, lineStart - this.columnBase + 1);
    }
    return true;
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
            fence.closeAt(this.lineNo, cur.lineEnd);
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
          // On a lazy line neither reads a complete tag as an HTML block, except remark.
          if (start !== null && !(start.kind === ONLY_COMMONMARK_SEES_TAG && maybeLazy)) {
            if ((start.kind === 7 || start.kind === ONLY_REMARK_SEES_TAG) && maybeLazy) {
              throw new Unsupported('complete HTML tag on a lazy continuation line', this.lineNo);
            }
            if (start.kind < 0) {
              throw new Unsupported('HTML tag that remark reads differently from CommonMark', this.lineNo);
            }
            this.openLeaf(Leaf.Html);
            this.htmlKind = start.kind;
            if (start.kind <= 5 && this.htmlLineEnds(start.resumeAt, start.state)) this.leaf = Leaf.None;
            return true;
          }
        }
        if (inParagraph && (c === 61 /* = */ || c === 45 /* - */)) {
          const level = setextUnderlineLevel(text, p, end);
          if (level > 0) {
            this.headings.push(this.paragraph.toSetextHeading(level, this.lineNo));
            this.leaf = Leaf.None;
            return true;
          }
        }
        if (isThematicBreak(text, p, end)) {
          this.openLeaf(Leaf.None);
          return true;
        }
      }
      const width = consumeListMarker(cur, inParagraph || remarkInterrupts);
      if (width === AMBIGUOUS_MARKER && inParagraph) {
        throw new Unsupported('ordered list item numbered 1 with leading zeros after paragraph text', this.lineNo);
      }
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
      throw new Unsupported(NESTING_REASON, this.lineNo);
    }
    this.containers.push({ kind, width, hasChild: false });
  }

  private openFence(marker: number, length: number, at: number): void {
    const cur = this.cur;
    const text = this.text;
    const indent = cur.indent;
    this.openLeaf(Leaf.Fence);
    const infoStart = trimStartSpaces(text, at + length, cur.lineEnd);
    const info = text.slice(infoStart, trimEndSpaces(text, infoStart, cur.lineEnd));
    const column = at - this.columnBase + 1;
    this.fence = new FenceBuilder(text, marker, length, indent, this.lineNo, column, this.columnBase, info, cur.lineEnd);
  }

  private addLineToLeaf(): void {
    const cur = this.cur;
    if (this.leaf === Leaf.Fence) {
      this.fence!.addLine(this.lineNo, cur.offset, cur.lineEnd, cur.partialTabSpaces());
    } else if (this.leaf === Leaf.Html && this.htmlKind <= 5) {
      if (this.htmlLineEnds(cur.offset, EndState.Plain)) this.leaf = Leaf.None;
    }
  }

  /** Whether the rest of the line from `pos` ends the open HTML block (kinds 1–5). */
  private htmlLineEnds(pos: number, state: EndState): boolean {
    const end = this.cur.lineEnd;
    if (htmlBlockEnds(this.htmlKind, this.text, pos, end, state)) return true;
    if (this.htmlKind === 5 && cdataEndMissed(this.text, pos, end)) {
      throw new Unsupported('CDATA end that remark does not see', this.lineNo);
    }
    return false;
  }

  private finishFence(closed: boolean, toEof: boolean): void {
    this.fences.push(this.fence!.finish(closed, toEof));
    this.fence = null;
  }
}
