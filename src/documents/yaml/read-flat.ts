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
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
const FLOW_LIST = /^\[([^[\]"]*)\]$/;
/** Characters a plain scalar may not start with (YAML indicators). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** The first entry of a block sequence: its indentation, then `- ` and what follows. */
const SEQUENCE_ENTRY = /^( *)- (.*)$/;

type Mapping = Record<string, unknown>;

export function readFlatMapping(text: string): { ok: true; value: Mapping } | null {
  if (text.length > MAX_FLAT_LENGTH || !FLAT_CHARACTERS.test(text)) return null;
  const lines = text.split('\n');
  const value: Mapping = {};
  let keys = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const entry = flatEntry(lines[i], value);
    if (entry === null) return null;
    let parsed = entry.value;
    if (entry.raw === '') {
      const sequence = readSequence(lines, i + 1);
      if (sequence === undefined) return null;
      if (sequence !== null) {
        parsed = sequence.items;
        i = sequence.end - 1;
      }
    }
    value[entry.key] = parsed;
    keys++;
  }
  return keys === 0 ? null : { ok: true, value };
}

/** `key: value` on a line of its own, a key new to `into`; null when it is not that simple. */
function flatEntry(line: string, into: Mapping): { key: string; raw: string; value: unknown } | null {
  const match = LINE.exec(line);
  if (!match) return null;
  const [, key, raw = ''] = match;
  if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(into, key) || resolveCorePlain(key) !== key) return null;
  const value = flatValue(raw);
  return value === undefined ? null : { key, raw, value };
}

/**
 * The block sequence of flat mappings that may follow a key with no value: null when the next line
 * does not start one (the key holds null), undefined when it does but is not that simple. Each
 * entry is `- key: value` at one indentation, its other keys on the lines below, aligned with the
 * first; the sequence ends at the next line that starts at the left margin with a key.
 */
function readSequence(lines: string[], start: number): { items: Mapping[]; end: number } | null | undefined {
  let first = start;
  while (first < lines.length && lines[first] === '') first++;
  const head = first < lines.length ? SEQUENCE_ENTRY.exec(lines[first]) : null;
  if (!head) return null;
  const dash = `${head[1]}- `;
  const column = ' '.repeat(dash.length);
  const items: Mapping[] = [];
  let end = first;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line === '') continue;
    let rest: string;
    if (line.startsWith(dash)) {
      items.push({});
      rest = line.slice(dash.length);
    } else if (line.startsWith(column) && line[column.length] !== ' ') {
      rest = line.slice(column.length);
    } else if (line[0] === ' ' || line[0] === '-') {
      return undefined;
    } else {
      break;
    }
    const item = items[items.length - 1];
    const entry = flatEntry(rest, item);
    // A key with no value could open a nested block here: left to the full reader.
    if (entry === null || entry.raw === '') return undefined;
    item[entry.key] = entry.value;
  }
  return { items, end };
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
