// A position inside one line of the text, tracking both the UTF-16 offset and CommonMark's
// virtual column (tabs stop every 4 columns). Container prefixes may consume part of a tab;
// the cursor then stays on the tab with `partialTab` set, as the spec's tab rules require.

export const TAB = 9;
export const SPACE = 32;

export class LineCursor {
  text: string;
  /** Offsets of the line's first character and of its line ending (or the text's end). */
  lineStart = 0;
  lineEnd = 0;
  offset = 0;
  /** Virtual column of `offset` (0-based, tabs expanded), relative to the line's start. */
  column = 0;
  /** The cursor sits on a tab of which some columns were already consumed. */
  partialTab = false;
  /** Set by findNextNonspace(). */
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  blank = false;
  /** Offset and column findNextNonspace() last looked from (its results hold until they move). */
  private scannedOffset = -1;
  private scannedColumn = -1;

  constructor(text: string) {
    this.text = text;
  }

  startLine(lineStart: number, lineEnd: number): void {
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.offset = lineStart;
    this.column = 0;
    this.partialTab = false;
    this.scannedOffset = -1;
  }

  /** Code unit at `pos` within the line, or -1 past its end. */
  peek(pos: number): number {
    return pos < this.lineEnd ? this.text.charCodeAt(pos) : -1;
  }

  findNextNonspace(): void {
    if (this.offset === this.scannedOffset && this.column === this.scannedColumn) return;
    this.scannedOffset = this.offset;
    this.scannedColumn = this.column;
    const text = this.text;
    const end = this.lineEnd;
    let i = this.offset;
    let col = this.column;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        i++;
        col++;
      } else if (c === TAB) {
        i++;
        col += 4 - (col % 4);
      } else {
        break;
      }
    }
    this.blank = i >= end;
    this.nextNonspace = i;
    this.nextNonspaceColumn = col;
    this.indent = col - this.column;
  }

  get indented(): boolean {
    return this.indent >= 4;
  }

  advanceToNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Advance by `count` columns; a tab wider than what is left is consumed only partly. */
  advanceColumns(count: number): void {
    const text = this.text;
    while (count > 0 && this.offset < this.lineEnd) {
      if (text.charCodeAt(this.offset) === TAB) {
        const toTab = 4 - (this.column % 4);
        if (toTab > count) {
          this.partialTab = true;
          this.column += count;
          return;
        }
        this.partialTab = false;
        this.column += toTab;
        this.offset++;
        count -= toTab;
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  /** Advance by `count` characters, a tab counting as one (it moves to the next tab stop). */
  advanceChars(count: number): void {
    const text = this.text;
    while (count > 0 && this.offset < this.lineEnd) {
      if (text.charCodeAt(this.offset) === TAB) this.column += 4 - (this.column % 4);
      else this.column++;
      this.offset++;
      this.partialTab = false;
      count--;
    }
  }

  /** Spaces still owed by a partly consumed tab under the cursor. */
  partialTabSpaces(): number {
    return this.partialTab ? 4 - (this.column % 4) : 0;
  }
}
