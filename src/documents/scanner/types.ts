// What a block scan of a Markdown body yields: the headings and fenced code blocks that
// CommonMark finds, with positions in the whole file (1-based lines, UTF-16 columns).

export interface ScannedHeading {
  /** 1–6. */
  level: number;
  /**
   * The heading's raw inline content as written: ATX without the opening `#`s, the optional
   * closing sequence and surrounding whitespace; setext the paragraph's lines, each trimmed,
   * joined with a single space. Container prefixes (`> `, list indentation) removed.
   */
  text: string;
  setext: boolean;
  /** Line and column of the heading's first character (the `#`, or the setext paragraph's first line). */
  line: number;
  column: number;
  /** Offset of that character in the text handed to the scanner. */
  offset: number;
  /** Last line of the heading (the underline for setext). */
  end_line: number;
}

export interface ScannedFence {
  /** The info string as written, trimmed (backslash escapes and entities not decoded). */
  info: string;
  /** The block's content exactly as CommonMark defines it (container prefixes and up to the fence's
   *  indentation removed), lines joined with '\n', no trailing newline. */
  content: string;
  /** `` ` `` or `~`, and the opening fence's length. */
  marker: '`' | '~';
  fence_length: number;
  /** Opening fence: line, column of the first fence character, offset of the line's start. */
  line: number;
  column: number;
  /** Offset where the opening fence line starts, and where the block ends (after the closing fence
   *  line's content, before its line ending; or the end of the last content line when unclosed). */
  start_offset: number;
  end_offset: number;
  /** Last line of the block (the closing fence, or the last line the block ran to). */
  end_line: number;
  /** False when no closing fence ended the block (it ran to the end of its container or the file). */
  closed: boolean;
  /** True when the block ran to the end of the file without a closing fence. */
  to_eof: boolean;
  /** For each content line, in order: the offset in the scanned text where that line's content
   *  (after container prefixes and indentation removal) begins. content.split('\n')[i] starts at
   *  content_offsets[i]. A line whose removed prefix was a partial tab has no exact offset; such
   *  a block is reported with `exact_offsets: false`. */
  content_offsets: number[];
  exact_offsets: boolean;
  /** Line of the first content line (line + 1). */
  content_line: number;
}

export interface BlockScan {
  headings: ScannedHeading[];
  fences: ScannedFence[];
}

/**
 * The scanner either finds exactly what CommonMark finds, or says it cannot and why. A declined
 * scan still carries the headings and fences that ended before the declined line: CommonMark
 * closes blocks line by line, so nothing later can change them.
 */
export type ScanOutcome =
  | ({ ok: true } & BlockScan)
  | ({ ok: false; reason: string; line: number } & BlockScan);

export interface ScanOptions {
  /** Scan from this offset (the body after front-matter); positions stay those of the whole text. */
  from?: number;
}
