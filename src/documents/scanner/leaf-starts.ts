// Recognisers for the one-line leaf-block markers of CommonMark: ATX headings, code fences,
// setext underlines and thematic breaks. Each looks at text[pos, end) (one line, container
// prefixes already skipped) and never scans a character twice.

const TAB = 9;
const SPACE = 32;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;

/** Characters that can begin a block start (a line starting otherwise is paragraph text). */
export function maybeBlockStart(c: number): boolean {
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

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** End of text[pos, end) with trailing spaces and tabs removed. */
export function trimEndSpaces(text: string, pos: number, end: number): number {
  while (end > pos && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Start of text[pos, end) with leading spaces and tabs removed. */
export function trimStartSpaces(text: string, pos: number, end: number): number {
  while (pos < end && isSpaceOrTab(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Level (1–6) of an ATX opening sequence at `pos`, or 0. */
export function atxLevel(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end && i - pos < 7 && text.charCodeAt(i) === HASH) i++;
  const level = i - pos;
  if (level === 0 || level > 6) return 0;
  if (i < end && !isSpaceOrTab(text.charCodeAt(i))) return 0;
  return level;
}

/**
 * The [start, end) of an ATX heading's content: after the opening sequence, without the
 * optional closing sequence (a run of `#` preceded by a space or tab, or alone) and trimmed.
 */
export function atxContent(text: string, pos: number, level: number, end: number): [number, number] {
  const start = trimStartSpaces(text, pos + level, end);
  let contentEnd = trimEndSpaces(text, start, end);
  let hashes = contentEnd;
  while (hashes > start && text.charCodeAt(hashes - 1) === HASH) hashes--;
  if (hashes < contentEnd && (hashes === start || isSpaceOrTab(text.charCodeAt(hashes - 1)))) {
    contentEnd = trimEndSpaces(text, start, hashes);
  }
  return [start, contentEnd];
}

/** Length of an opening code fence at `pos` (3 or more backticks or tildes), or 0. */
export function openingFenceLength(text: string, pos: number, end: number): number {
  const marker = text.charCodeAt(pos);
  if (marker !== BACKTICK && marker !== TILDE) return 0;
  let i = pos;
  while (i < end && text.charCodeAt(i) === marker) i++;
  const length = i - pos;
  if (length < 3) return 0;
  if (marker === BACKTICK) {
    for (let j = i; j < end; j++) if (text.charCodeAt(j) === BACKTICK) return 0;
  }
  return length;
}

/** Whether the line at `pos` closes a fence of `marker` opened with `length` characters. */
export function isClosingFence(text: string, pos: number, end: number, marker: number, length: number): boolean {
  let i = pos;
  while (i < end && text.charCodeAt(i) === marker) i++;
  if (i - pos < length) return false;
  return trimStartSpaces(text, i, end) === end;
}

/** Level of a setext underline at `pos` (`=` gives 1, `-` gives 2), or 0. */
export function setextUnderlineLevel(text: string, pos: number, end: number): number {
  const c = text.charCodeAt(pos);
  if (c !== 61 /* = */ && c !== 45 /* - */) return 0;
  let i = pos;
  while (i < end && text.charCodeAt(i) === c) i++;
  if (trimStartSpaces(text, i, end) !== end) return 0;
  return c === 61 ? 1 : 2;
}

/** Whether text[pos, end) is a thematic break: 3+ of one of `*-_`, spaces and tabs between. */
export function isThematicBreak(text: string, pos: number, end: number): boolean {
  const c = text.charCodeAt(pos);
  if (c !== 42 /* * */ && c !== 45 /* - */ && c !== 95 /* _ */) return false;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === c) count++;
    else if (!isSpaceOrTab(d)) return false;
  }
  return count >= 3;
}
