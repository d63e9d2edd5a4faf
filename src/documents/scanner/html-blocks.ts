// CommonMark's seven kinds of HTML block: which one a line starts, and whether a line holds
// the end condition of kinds 1–5 (kinds 6 and 7 end at a blank line). The end search follows
// the reference parser behind remark (micromark) character by character, including where it
// is stricter than a plain substring search (`]]]>` does not end a CDATA block there).

const TAB = 9;
const SPACE = 32;

/** Tag names of kind 6 (lower case). */
const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center',
  'col', 'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu',
  'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);

/** Tag names of kind 1. */
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const RAW_NAME_MAX = 8;

/** Where the end search of an HTML block's first line resumes, and in which state. */
export interface HtmlStart {
  kind: number;
  resumeAt: number;
  state: EndState;
}

/** States of the end-condition search (they reset at every line start). */
export const enum EndState {
  Plain,
  CommentDash,
  RawLessThan,
  RawEndTag,
  CdataBracket,
  BeforeClose,
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 48 && c <= 57);
}

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Anything but spaces, tabs, `"`, `'`, `=`, `<`, `>` and `` ` ``. */
function isUnquotedValueChar(c: number): boolean {
  return !(isSpaceOrTab(c) || c === 34 || c === 39 || c === 61 || c === 60 || c === 62 || c === 96);
}

/**
 * The HTML block starting at `pos` (a `<`), or null. A complete tag (kind 7) cannot interrupt
 * a paragraph: `interrupting` says one is open.
 */
export function htmlBlockStart(text: string, pos: number, end: number, interrupting: boolean): HtmlStart | null {
  let i = pos + 1;
  const at = (k: number): number => (k < end ? text.charCodeAt(k) : -1);
  let c = at(i);
  if (c === 33 /* ! */) {
    c = at(++i);
    if (c === 45 /* - */) {
      if (at(i + 1) !== 45) return null;
      return { kind: 2, resumeAt: i + 2, state: EndState.BeforeClose };
    }
    if (c === 91 /* [ */) {
      if (text.startsWith('CDATA[', i + 1) && i + 7 <= end) {
        return { kind: 5, resumeAt: i + 7, state: EndState.Plain };
      }
      return null;
    }
    if (isAlpha(c)) return { kind: 4, resumeAt: i + 1, state: EndState.BeforeClose };
    return null;
  }
  if (c === 63 /* ? */) return { kind: 3, resumeAt: i + 1, state: EndState.BeforeClose };
  let closing = false;
  if (c === 47 /* / */) {
    closing = true;
    c = at(++i);
  }
  if (!isAlpha(c)) return null;
  const nameStart = i;
  while (isAlnum(c) || c === 45) c = at(++i);
  if (!(c === -1 || c === 47 || c === 62 /* > */ || isSpaceOrTab(c))) return null;
  const name = text.slice(nameStart, i).toLowerCase();
  if (!closing && c !== 47 && RAW_NAMES.has(name)) {
    return { kind: 1, resumeAt: i, state: EndState.Plain };
  }
  if (BLOCK_NAMES.has(name)) {
    if (c === 47 && at(i + 1) !== 62) return null;
    return { kind: 6, resumeAt: end, state: EndState.Plain };
  }
  if (interrupting) return null;
  const remarkReads = isCompleteTagRest(text, i, end, closing);
  const specReads = !RAW_NAMES.has(name) && isSpecCompleteTag(text, pos, end);
  if (remarkReads === specReads) return remarkReads ? { kind: 7, resumeAt: end, state: EndState.Plain } : null;
  return { kind: remarkReads ? ONLY_REMARK_SEES_TAG : ONLY_COMMONMARK_SEES_TAG, resumeAt: end, state: EndState.Plain };
}

/** Kinds reported for a line that CommonMark and remark read differently: a complete tag
 *  (kind 7) to one of them only. */
export const ONLY_REMARK_SEES_TAG = -1;
export const ONLY_COMMONMARK_SEES_TAG = -2;

/**
 * CommonMark's own grammar of a complete open or closing tag at `pos` (a `<`), followed only
 * by spaces and tabs: remark's tokenizer accepts `<a b=c=d>` and rejects `<a href=/x>`, so
 * the two are compared and a difference is handed to remark as a whole.
 */
function isSpecCompleteTag(text: string, pos: number, end: number): boolean {
  const at = (k: number): number => (k < end ? text.charCodeAt(k) : -1);
  let i = pos + 1;
  const closing = at(i) === 47;
  if (closing) i++;
  if (!isAlpha(at(i))) return false;
  while (isAlnum(at(i)) || at(i) === 45) i++;
  if (!closing) {
    for (;;) {
      const spaceStart = i;
      while (isSpaceOrTab(at(i))) i++;
      const c = at(i);
      if (i === spaceStart || !(isAlpha(c) || c === 95 || c === 58)) break;
      i++;
      while (isAlnum(at(i)) || at(i) === 95 || at(i) === 46 || at(i) === 58 || at(i) === 45) i++;
      let j = i;
      while (isSpaceOrTab(at(j))) j++;
      if (at(j) !== 61 /* = */) continue;
      j++;
      while (isSpaceOrTab(at(j))) j++;
      const q = at(j);
      if (q === 34 || q === 39) {
        j++;
        while (at(j) !== q) {
          if (at(j) === -1) return false;
          j++;
        }
        i = j + 1;
      } else {
        const valueStart = j;
        while (j < end && isUnquotedValueChar(at(j))) j++;
        if (j === valueStart) return false;
        i = j;
      }
    }
    if (at(i) === 47) i++;
  } else {
    while (isSpaceOrTab(at(i))) i++;
  }
  if (at(i) !== 62) return false;
  i++;
  while (isSpaceOrTab(at(i))) i++;
  return i >= end;
}

/** Whether a CDATA block's line holds `]]>` where remark's search misses it (`]]]>`). */
export function cdataEndMissed(text: string, pos: number, end: number): boolean {
  const found = text.indexOf(']]>', pos);
  return found !== -1 && found + 3 <= end;
}

/**
 * After a tag name at `i`: the rest of an open tag (attributes, optional `/`, `>`) or of a
 * closing tag, followed only by spaces and tabs to the end of the line.
 */
function isCompleteTagRest(text: string, i: number, end: number, closing: boolean): boolean {
  const at = (k: number): number => (k < end ? text.charCodeAt(k) : -1);
  let c = at(i);
  if (closing) {
    while (isSpaceOrTab(c)) c = at(++i);
  } else {
    // Attribute names, `= value`, spaces: the states of micromark's complete-tag tokenizer.
    for (;;) {
      if (c === 47 /* / */) {
        c = at(++i);
        break;
      }
      if (c === 58 || c === 95 || isAlpha(c)) {
        c = at(++i);
        while (c === 45 || c === 46 || c === 58 || c === 95 || isAlnum(c)) c = at(++i);
        // After an attribute name: optional spaces, then `=` and a value, or the next name.
        while (isSpaceOrTab(c)) c = at(++i);
        while (c === 61 /* = */) {
          c = at(++i);
          while (isSpaceOrTab(c)) c = at(++i);
          if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return false;
          if (c === 34 || c === 39) {
            const quote = c;
            c = at(++i);
            while (c !== quote) {
              if (c === -1) return false;
              c = at(++i);
            }
            c = at(++i);
            // After a quoted value only `/`, `>` or a space may follow, and no further `=`.
            if (!(c === 47 || c === 62 || isSpaceOrTab(c))) return false;
            break;
          } else {
            while (!(c === -1 || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpaceOrTab(c))) {
              c = at(++i);
            }
          }
          while (isSpaceOrTab(c)) c = at(++i);
        }
        continue;
      }
      if (isSpaceOrTab(c)) {
        c = at(++i);
        continue;
      }
      break;
    }
  }
  if (c !== 62 /* > */) return false;
  c = at(++i);
  while (isSpaceOrTab(c)) c = at(++i);
  return c === -1;
}

/**
 * Whether text[pos, end) holds the end condition of an HTML block of kind 1–5, searching from
 * `state` (Plain at the start of a continuation line).
 */
export function htmlBlockEnds(kind: number, text: string, pos: number, end: number, state: EndState): boolean {
  let rawName = '';
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    switch (state) {
      case EndState.CommentDash:
        if (c === 45) {
          state = EndState.BeforeClose;
          continue;
        }
        break;
      case EndState.RawLessThan:
        if (c === 47 /* / */) {
          state = EndState.RawEndTag;
          rawName = '';
          continue;
        }
        break;
      case EndState.RawEndTag:
        if (c === 62 && RAW_NAMES.has(rawName.toLowerCase())) return true;
        if (c !== 62 && isAlpha(c) && rawName.length < RAW_NAME_MAX) {
          rawName += text[i];
          continue;
        }
        break;
      case EndState.CdataBracket:
        if (c === 93 /* ] */) {
          state = EndState.BeforeClose;
          continue;
        }
        break;
      case EndState.BeforeClose:
        if (c === 62) return true;
        if (c === 45 && kind === 2) continue;
        break;
      case EndState.Plain:
        break;
    }
    // Not consumed by the special state: look at it afresh.
    state = EndState.Plain;
    if (c === 45 && kind === 2) state = EndState.CommentDash;
    else if (c === 60 && kind === 1) state = EndState.RawLessThan;
    else if (c === 62 && kind === 4) return true;
    else if (c === 63 && kind === 3) state = EndState.BeforeClose;
    else if (c === 93 && kind === 5) state = EndState.CdataBracket;
  }
  return false;
}
