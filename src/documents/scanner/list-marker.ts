// A list item's marker (`-`, `+`, `*`, `1.`, `1)`) at the cursor, and the content indentation
// it sets: marker offset + marker width + the spaces after it (1–4; 5 or more mean one space
// then indented code; none when the item starts blank).

import { SPACE, TAB, type LineCursor } from './line-cursor.js';

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Returned for a marker that CommonMark and remark read differently. */
export const AMBIGUOUS_MARKER = -2;

/**
 * Consumes a list marker and the spaces after it, returning the width a continuation line
 * must be indented by to stay in the item; -1 (cursor untouched) when there is none.
 * `interruptsParagraph`: the item would interrupt a paragraph, so it must not start blank
 * and an ordered one must be numbered exactly `1` (remark's reading of "starts with 1").
 */
export function consumeListMarker(cur: LineCursor, interruptsParagraph: boolean): number {
  if (cur.indent >= 4) return -1;
  const text = cur.text;
  const start = cur.nextNonspace;
  const first = cur.peek(start);
  let markerLength: number;
  if (first === 45 /* - */ || first === 43 /* + */ || first === 42 /* * */) {
    markerLength = 1;
  } else if (first >= 48 && first <= 57) {
    let i = start;
    while (i - start < 9 && cur.peek(i) >= 48 && cur.peek(i) <= 57) i++;
    const delimiter = cur.peek(i);
    if (delimiter !== 46 /* . */ && delimiter !== 41 /* ) */) return -1;
    if (interruptsParagraph && !(i - start === 1 && first === 49 /* 1 */)) {
      // `01.` starts at 1, so CommonMark lets it interrupt a paragraph; remark does not.
      return Number(cur.text.slice(start, i)) === 1 ? AMBIGUOUS_MARKER : -1;
    }
    markerLength = i - start + 1;
  } else {
    return -1;
  }
  const after = cur.peek(start + markerLength);
  if (after !== -1 && !isSpaceOrTab(after)) return -1;
  if (interruptsParagraph) {
    let j = start + markerLength;
    while (j < cur.lineEnd && isSpaceOrTab(text.charCodeAt(j))) j++;
    if (j >= cur.lineEnd) return -1;
  }

  const markerOffset = cur.indent;
  cur.advanceToNextNonspace();
  cur.advanceChars(markerLength);
  const spacesStartColumn = cur.column;
  const spacesStartOffset = cur.offset;
  do {
    cur.advanceColumns(1);
  } while (cur.column - spacesStartColumn < 5 && isSpaceOrTab(cur.peek(cur.offset)));
  const blankItem = cur.offset >= cur.lineEnd;
  const spacesAfter = cur.column - spacesStartColumn;
  let padding: number;
  if (spacesAfter >= 5 || spacesAfter < 1 || blankItem) {
    padding = markerLength + 1;
    cur.column = spacesStartColumn;
    cur.offset = spacesStartOffset;
    cur.partialTab = false;
    if (isSpaceOrTab(cur.peek(cur.offset))) cur.advanceColumns(1);
  } else {
    padding = markerLength + spacesAfter;
  }
  return markerOffset + padding;
}
