// The shape almost every task block and many front-matters have: a flat mapping of simple keys to
// plain, simply double-quoted or flow-listed scalars, one per line. Read here without js-yaml (its
// per-call set-up dominates for 63,000 five-line blocks); anything else, or anything doubtful,
// returns null and goes through the full reader. Scalars resolve by the very functions js-yaml is
// configured with (resolveCorePlain), and a property test holds this reader to the full ones.
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

export function readFlatMapping(text: string): { ok: true; value: Record<string, unknown> } | null {
  if (text.length > MAX_FLAT_LENGTH || !FLAT_CHARACTERS.test(text)) return null;
  const value: Record<string, unknown> = {};
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match) return null;
    const [, key, raw = ''] = match;
    if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(value, key) || resolveCorePlain(key) !== key) return null;
    const parsed = flatValue(raw);
    if (parsed === undefined) return null;
    value[key] = parsed;
    keys++;
  }
  return keys === 0 ? null : { ok: true, value };
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
