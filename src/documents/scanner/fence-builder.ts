// A fenced code block being read: its opening fence and where each content line lies. The
// content string is built once, when the block closes, usually as a single slice of the text.

import type { ScannedFence } from './types.js';

export class FenceBuilder {
  /** Where each content line starts. */
  readonly offsets: number[] = [];
  /** Where each content line ends, kept only once the lines stop following each other
   *  directly (until then each ends one `\n` before the next starts). */
  private ends: number[] | null = null;
  /** Content lines that are not the text between their offsets (a partly consumed tab). */
  private rewritten: Map<number, string> | null = null;
  private contentEnd = 0;
  private exact = true;
  private lastLine: number;
  private lastLineEnd: number;

  constructor(
    private readonly text: string,
    /** `` ` `` or `~` as a char code, and the opening fence's length. */
    readonly marker: number,
    readonly length: number,
    /** Columns of indentation of the opening fence, removed from content lines. */
    readonly indent: number,
    readonly line: number,
    readonly column: number,
    readonly startOffset: number,
    readonly info: string,
    openingLineEnd: number,
  ) {
    this.lastLine = line;
    this.lastLineEnd = openingLineEnd;
  }

  /** The closing fence, on `line` ending at `end`. */
  closeAt(line: number, end: number): void {
    this.lastLine = line;
    this.lastLineEnd = end;
  }

  /** A content line from `start` to `end`; `tabSpaces` > 0 when `start` sits on a tab of
   *  which that many columns remain (they become spaces). */
  addLine(line: number, start: number, end: number, tabSpaces: number): void {
    const count = this.offsets.length;
    let rewritten: string | null = null;
    if (tabSpaces > 0) {
      start++;
      rewritten = ' '.repeat(tabSpaces) + this.text.slice(start, end);
    }
    if (
      this.ends === null &&
      count > 0 &&
      (rewritten !== null || start !== this.contentEnd + 1 || this.text.charCodeAt(start - 1) !== 10)
    ) {
      const offsets = this.offsets;
      this.ends = offsets.map((_, i) => (i + 1 < count ? offsets[i + 1] - 1 : this.contentEnd));
    }
    if (rewritten !== null) {
      (this.rewritten ??= new Map()).set(count, rewritten);
      this.ends ??= [];
      this.exact = false;
    }
    this.offsets.push(start);
    this.ends?.push(end);
    this.contentEnd = end;
    this.lastLine = line;
    this.lastLineEnd = end;
  }

  /** The block as reported: `closed` by a closing fence, or open until the end of its
   *  container or (`toEof`) of the text. */
  finish(closed: boolean, toEof: boolean): ScannedFence {
    let content = this.content();
    if (content.indexOf('\u0000') !== -1) {
      // CommonMark replaces NUL with U+FFFD; the text then no longer holds the lines verbatim.
      content = content.replace(/\u0000/g, '\uFFFD');
      this.exact = false;
    }
    return {
      info: this.info,
      content,
      marker: this.marker === 96 ? '`' : '~',
      fence_length: this.length,
      line: this.line,
      column: this.column,
      start_offset: this.startOffset,
      end_offset: this.lastLineEnd,
      end_line: this.lastLine,
      closed,
      to_eof: toEof,
      content_offsets: this.offsets,
      exact_offsets: this.exact,
      content_line: this.line + 1,
    };
  }

  private content(): string {
    const count = this.offsets.length;
    if (count === 0) return '';
    if (this.ends === null) return this.text.slice(this.offsets[0], this.contentEnd);
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(this.rewritten?.get(i) ?? this.text.slice(this.offsets[i], this.ends[i]));
    return lines.join('\n');
  }
}
