// Where a text steps outside "one YAML document" (a directive before it, a second document after
// it, a non-printable character, a single value as the document), checked the same way by both
// readers: js-yaml reports a second document without a position, and the libraries read
// directives (`%YAML 1.1` switches yaml 2's version) and top-level scalars differently.
import { finding, type Finding } from './finding.js';
import { MESSAGES } from './messages.js';
import { skipSeparation } from './text-position.js';

/** A `%` directive line before the content. */
export function findDirective(text: string): Finding | null {
  const offset = skipSeparation(text, 0);
  if (text.charCodeAt(offset) !== 0x25 /* % */) return null;
  const previous = offset === 0 ? 0x0a : text.charCodeAt(offset - 1);
  return previous === 0x0a || previous === 0x0d ? finding('syntax', offset, MESSAGES.directive) : null;
}

const DOCUMENT_START = /^---(?=[ \t]|$)/;
const DOCUMENT_END = /^\.\.\.(?=[ \t]|$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/;

/**
 * The start of the second document: a `---` line after content or after another `---`, or
 * content after a `...` line. Called only once a parser has said there is one, so a marker
 * inside a block scalar (which YAML forbids at column 1 anyway) cannot mislead it.
 */
export function findSecondDocument(text: string): Finding {
  const lineBreak = /\r\n|\n|\r/g;
  let started = false;
  let ended = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (DOCUMENT_START.test(line)) {
      if (started || ended) return finding('syntax', lineStart, MESSAGES.multipleDocuments);
      started = true;
    } else if (DOCUMENT_END.test(line)) {
      ended = true;
    } else if (!BLANK_OR_COMMENT.test(line)) {
      if (ended) return finding('syntax', lineStart, MESSAGES.multipleDocuments);
      started = true;
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return finding('syntax', 0, MESSAGES.multipleDocuments);
}

/** YAML 1.2 allows only printable characters, comments included (js-yaml's own pattern). */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

export function findNonPrintable(text: string): Finding | null {
  const match = NON_PRINTABLE.exec(text);
  if (!match) return null;
  const offset = match[0].length === 2 ? match.index + 1 : match.index;
  const code = text.charCodeAt(offset).toString(16).toUpperCase().padStart(4, '0');
  return finding('syntax', offset, MESSAGES.nonPrintable(code));
}

/** Whether the text holds no node at all: only blanks, comments and document markers. */
export function isEmptyDocument(text: string): boolean {
  return skipMarkers(text) >= text.length;
}

/**
 * Both readers accept only a mapping or a sequence (or nothing) as the document. A front-matter
 * or task block that is a single value is a mistake, and a lone top-level scalar is where the two
 * libraries disagree most (a `---x` line, a root block scalar, tab-indented or multi-line plain
 * scalars, a root alias).
 */
export function rootScalarProblem(text: string): Finding {
  return finding('syntax', skipMarkers(text), MESSAGES.rootScalar);
}

function skipMarkers(text: string): number {
  let offset = skipSeparation(text, 0);
  for (const marker of ['---', '...']) {
    if (text.startsWith(marker, offset) && /^(?:[ \t\r\n]|$)/.test(text.charAt(offset + 3))) offset = skipSeparation(text, offset + 3);
  }
  return offset;
}
