// Where each line of a text starts and ends (before its line ending), 1-based; `\r\n`, `\n`
// and a lone `\r` each end a line.

export class LineTable {
  private readonly starts: number[] = [0, 0];
  private readonly ends: number[] = [0];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
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

  /** Number of line starts (a text ending in a line ending has an empty last one). */
  get count(): number {
    return this.starts.length - 1;
  }

  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  end(line: number): number {
    return this.ends[line] ?? this.text.length;
  }

  /** The line ending after `line` ('' for the last line). */
  ending(line: number): string {
    return this.text.slice(this.end(line), this.start(line + 1));
  }

  /** The line holding `offset`. */
  lineOf(offset: number): number {
    let low = 1;
    let high = this.count;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
