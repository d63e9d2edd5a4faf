// Bytes to text and offsets to positions, and the one content hash. A file is text only when it is valid UTF-8 without
// NUL bytes and within the size cap; anything else is reported, never silently altered.

import { sha256Hex } from '../hashing.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The content hash every part keys by: the index (has the file changed?), a check's scope file
 * and the edit engine (is the file still what was read?). sha256, hex.
 */
export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export function overSizeCap(size: number | bigint): string {
  return `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte size cap`;
}

export type DecodeOutcome =
  | { ok: true; text: string; bom: boolean }
  /** `line`/`column` (1-based, the column in UTF-16 code units) of the offending byte when there is one. */
  | { ok: false; reason: string; line?: number; column?: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: overSizeCap(bytes.length) };
  // A NUL byte never occurs in Markdown; it marks binary content (as git's own heuristic does).
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'file is binary (contains NUL bytes)' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(10, offset - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 10) line++;
    const byte = bytes[offset].toString(16).padStart(2, '0');
    // Everything before the first bad byte decodes: the column counts its UTF-16 code units, as every column does.
    const column = decoder.decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ok: false, reason: `file is not valid UTF-8 (byte 0x${byte} at offset ${offset})`, line, column };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/** Offsets where each line starts; `\r\n`, `\n` and a lone `\r` each end a line. */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // Most files end lines with \n alone: indexOf finds them ~4× faster than a loop over every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    return { line, column: offset - this.starts[line - 1] + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }

  /** Offset just past a line's content (before its line ending). */
  lineEnd(line: number): number {
    if (line >= this.starts.length) return this.text.length;
    let end = this.starts[line];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** The text with `\r\n` and lone `\r` line endings as `\n` (most files have none: no copy then). */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
