// The shapes almost every task block and many front-matters have: a flat mapping of simple keys to
// plain, simply double-quoted or flow-listed scalars, one per line, where a key may also hold a
// block sequence of such flat mappings (a front-matter's `tasks:` list). Read here without js-yaml
// (its per-call set-up dominates for 63,000 five-line blocks, and its composer for the task lists
// of 2,000 front-matters); anything else, or anything doubtful, returns null and goes through the
// full reader. Scalars resolve by the very functions js-yaml is configured with (resolveCorePlain),
// and a property test holds this reader to the full ones.
import { resolveCorePlain } from './jsyaml-schema.js';
import { FORBIDDEN_KEYS } from './limits.js';

const MAX_FLAT_LENGTH = 8192;
/** Only these characters: no tabs, comments, anchors, tags, escapes, single quotes or non-ASCII. */
const FLAT_CHARACTERS = /^[A-Za-z0-9_ \n.,:/"[\]()+-]*$/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
const FLOW_LIST = /^\[([^[\]"]*)\]$/;
/** Characters a plain scalar may not start with (YAML indicators). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

type Mapping = Record<string, unknown>;

/**
 * The lines of `text` are read where they lie (offsets, no array of lines): at 63,000 blocks the
 * copies a split and a regular expression's captures make were most of this reader's time.
 */
export function readFlatMapping(text: string): { ok: true; value: Mapping } | null {
  if (text.length > MAX_FLAT_LENGTH || !FLAT_CHARACTERS.test(text)) return null;
  const value: Mapping = {};
  let keys = 0;
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    if (end === start) {
      start = end + 1;
      continue;
    }
    const entry = flatEntry(text, start, end, value);
    if (entry === null) return null;
    let parsed = entry.value;
    start = end + 1;
    if (entry.raw === '') {
      const sequence = readSequence(text, start);
      if (sequence === undefined) return null;
      if (sequence !== null) {
        parsed = sequence.items;
        start = sequence.end;
      }
    }
    value[entry.key] = parsed;
    keys++;
  }
  return keys === 0 ? null : { ok: true, value };
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/**
 * The line from `start` to `end` as `key: value`, a simple key new to `into`; null when it is not
 * that simple. A key is a letter or `_`, then letters, digits, `_` and `-`: never a number, and a
 * null or a boolean only as one of the words resolveCorePlain knows (refused).
 */
function flatEntry(text: string, start: number, end: number, into: Mapping): { key: string; raw: string; value: unknown } | null {
  if (!isKeyStart(text.charCodeAt(start))) return null;
  let colon = start + 1;
  while (colon < end && isKeyChar(text.charCodeAt(colon))) colon++;
  if (colon === end || text.charCodeAt(colon) !== 0x3a /* : */) return null;
  let raw = '';
  if (colon + 1 < end) {
    if (text.charCodeAt(colon + 1) !== 0x20) return null;
    raw = text.slice(colon + 2, end);
  }
  const key = text.slice(start, colon);
  if (mayBeForbidden(key) || Object.hasOwn(into, key) || ((key.length === 4 || key.length === 5) && resolveCorePlain(key) !== key)) return null;
  const value = flatValue(raw);
  return value === undefined ? null : { key, raw, value };
}

/** Most keys are let through by their length alone, without hashing them to look them up. */
const FORBIDDEN_LENGTHS = new Set([...FORBIDDEN_KEYS].map((key) => key.length));

function mayBeForbidden(key: string): boolean {
  return FORBIDDEN_LENGTHS.has(key.length) && FORBIDDEN_KEYS.has(key);
}

function isKeyStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isKeyChar(code: number): boolean {
  return isKeyStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/**
 * The block sequence of flat mappings that may follow a key with no value, from offset `start`:
 * null when the next line does not start one (the key holds null), undefined when it does but is
 * not that simple. Each entry is `- key: value` at one indentation, its other keys on the lines
 * below, aligned with the first; the sequence ends at the next line that starts at the left
 * margin with a key. `end`: the offset after it.
 */
function readSequence(text: string, start: number): { items: Mapping[]; end: number } | null | undefined {
  while (text.charCodeAt(start) === 0x0a) start++;
  let indent = 0;
  while (text.charCodeAt(start + indent) === 0x20) indent++;
  if (text.charCodeAt(start + indent) !== 0x2d /* - */ || text.charCodeAt(start + indent + 1) !== 0x20) return null;
  // The entries' keys start here, after the indentation and `- `.
  const column = indent + 2;
  const items: Mapping[] = [];
  let line = start;
  while (line < text.length) {
    const end = lineEnd(text, line);
    if (end === line) {
      line = end + 1;
      continue;
    }
    let spaces = 0;
    while (spaces < column && text.charCodeAt(line + spaces) === 0x20) spaces++;
    if (spaces === indent && text.charCodeAt(line + indent) === 0x2d && text.charCodeAt(line + indent + 1) === 0x20) {
      items.push({});
    } else if (spaces !== column || text.charCodeAt(line + column) === 0x20) {
      // At the left margin with a key: the next key of the outer mapping. Anything else is doubtful.
      if (spaces === 0 && text.charCodeAt(line) !== 0x2d) break;
      return undefined;
    }
    const item = items[items.length - 1];
    const entry = flatEntry(text, line + column, end, item);
    // A key with no value could open a nested block here: left to the full reader.
    if (entry === null || entry.raw === '') return undefined;
    item[entry.key] = entry.value;
    line = end + 1;
  }
  return { items, end: line };
}

/** The value after `key: `, or undefined when it is not one of the simple forms. */
function flatValue(raw: string): unknown {
  if (raw === '') return null;
  if (raw !== raw.trim()) return undefined;
  if (raw[0] === '"') return DOUBLE_QUOTED.test(raw) ? raw.slice(1, -1) : undefined;
  if (raw[0] === '[') {
    const list = FLOW_LIST.exec(raw);
    if (!list) return undefined;
    if (list[1].trim() === '') return [];
    const items: unknown[] = [];
    for (const item of list[1].split(',')) {
      const plain = plainValue(item.trim(), true);
      if (plain === undefined) return undefined;
      items.push(plain);
    }
    return items;
  }
  return plainValue(raw, false);
}

function plainValue(raw: string, inFlow: boolean): unknown {
  if (raw === '' || INDICATOR_START.test(raw) || raw.endsWith(':') || raw.includes(': ')) return undefined;
  // In a flow list a colon may start an implicit mapping entry, and a space-separated one is doubtful.
  if (inFlow && raw.includes(':')) return undefined;
  return resolveCorePlain(raw);
}
