// The open paragraph's lines, kept as offsets so that nothing is copied unless a setext
// underline turns the paragraph into a heading.

import type { ScannedHeading } from './types.js';
import { trimEndSpaces, trimStartSpaces } from './leaf-starts.js';
import { Unsupported } from './unsupported.js';

export class ParagraphLines {
  private line = 0;
  private offset = 0;
  private column = 0;
  /** [start, end) pairs of the lines, in ranges[0, rangesEnd). */
  private readonly ranges: number[] = [];
  private rangesEnd = 0;

  constructor(private readonly text: string) {}

  /** The paragraph's first line (from its first non-space character). */
  open(line: number, start: number, end: number, column: number): void {
    this.line = line;
    this.offset = start;
    this.column = column;
    this.rangesEnd = 0;
    this.add(start, end);
  }

  add(start: number, end: number): void {
    this.ranges[this.rangesEnd++] = start;
    this.ranges[this.rangesEnd++] = end;
  }

  /** The setext heading this paragraph becomes with an underline on `underlineLine`. */
  toSetextHeading(level: number, underlineLine: number): ScannedHeading {
    const { text, ranges, rangesEnd } = this;
    if (this.mayStartWithLinkDefinition()) {
      throw new Unsupported('paragraph that may hold link reference definitions before a setext underline', underlineLine);
    }
    const parts: string[] = [];
    for (let i = 0; i < rangesEnd; i += 2) {
      const start = trimStartSpaces(text, ranges[i], ranges[i + 1]);
      if (i > 0 && text.charCodeAt(start) === 62 /* > */) {
        // Text that begins with `>` cannot be told from a block quote marker in remark's tree.
        throw new Unsupported('setext heading line beginning with ">"', underlineLine);
      }
      parts.push(text.slice(start, trimEndSpaces(text, start, ranges[i + 1])));
    }
    return {
      level,
      text: parts.join(' '),
      setext: true,
      line: this.line,
      column: this.column,
      offset: this.offset,
      end_line: underlineLine,
    };
  }

  /**
   * Whether the paragraph could open with a link reference definition (`[label]:`), which
   * CommonMark removes before deciding on a setext heading. The label may span lines, holds
   * no unescaped `[` and is at most 999 characters long.
   */
  private mayStartWithLinkDefinition(): boolean {
    const { text, ranges, rangesEnd } = this;
    if (text.charCodeAt(ranges[0]) !== 91 /* [ */) return false;
    let length = 0;
    for (let r = 0; r < rangesEnd; r += 2) {
      for (let i = r === 0 ? ranges[0] + 1 : ranges[r]; i < ranges[r + 1]; i++) {
        const c = text.charCodeAt(i);
        if (++length > 1000) return false;
        if (c === 92 /* \ */) i++;
        else if (c === 91 /* [ */) return false;
        else if (c === 93 /* ] */) return i + 1 < ranges[r + 1] && text.charCodeAt(i + 1) === 58 /* : */;
      }
    }
    return false;
  }
}
