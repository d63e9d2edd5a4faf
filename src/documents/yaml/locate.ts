// Where a key and its value sit inside a YAML text, for diagnostics that point at a field.
// Uses `yaml` 2's composer, so it belongs to rule and diagnostic code, never the sync path.
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { parseCst } from './cst-parse.js';
import { exceedsMaxBytes } from './limits.js';
import type { YamlReadOptions } from './types.js';
import { positionAt } from './text-position.js';
import { keyString } from './yaml2-value.js';
import { yaml2 } from './yaml2-module.js';

/**
 * A region of the YAML text: 1-based lines and UTF-16 columns, `end_column` just past the last
 * character; `start` and `end` are offsets into the text, `end` exclusive. A block value's span
 * ends at its last non-blank character.
 */
export interface Span {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  start: number;
  end: number;
}

/**
 * `key` is null for the root and for sequence items; `value` is null when the key has no value
 * node at all. An empty value (`status:`) is a zero-length span where the value would start.
 */
export interface KeyLocation {
  key: Span | null;
  value: Span | null;
}

/**
 * Follows `path` (mapping keys as strings, sequence indices as numbers; `[]` is the root) and
 * returns where the last step's key and value are, or null when a step does not exist. Keys
 * match as readYaml spells them (`1:` is "1", `~:` is "null"); with duplicate keys the first wins.
 * Texts that are too large or nest too deep are not located.
 */
export function locateKey(text: string, path: readonly (string | number)[], options: YamlReadOptions = {}): KeyLocation | null {
  if (exceedsMaxBytes(text, options.maxBytes)) return null;
  const source = text.replace(/\r(?!\n)/g, '\n');
  const cst = parseCst(source);
  if (cst.tooDeep) return null;
  const composer = new (yaml2().Composer)({ schema: 'core', merge: false, logLevel: 'error', uniqueKeys: false });
  const document: Document.Parsed | undefined = [...composer.compose(cst.tokens, true, source.length)][0];
  if (!document) return null;

  const { isMap, isSeq } = yaml2();
  let key: YamlNode | null = null;
  let value: unknown = document.contents;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(value)) {
      if (!Number.isInteger(step) || step < 0 || step >= value.items.length) return null;
      key = null;
      value = value.items[step];
    } else if (typeof step === 'string' && isMap(value)) {
      const pair = (value.items as Pair<unknown, unknown>[]).find((p) => keyString(p.key) === step);
      if (!pair) return null;
      key = pair.key as YamlNode;
      value = pair.value;
    } else {
      return null;
    }
  }
  return { key: spanOf(text, key), value: spanOf(text, value) };
}

function spanOf(text: string, node: unknown): Span | null {
  const range = (node as YamlNode | null)?.range;
  if (!range) return null;
  const start = range[0];
  // A block node's range runs to the start of the next line; a diagnostic ends at its last character.
  let end = range[1];
  while (end > start && /[ \t\r\n]/.test(text.charAt(end - 1))) end--;
  const from = positionAt(text, start);
  const to = positionAt(text, end);
  return { line: from.line, column: from.column, end_line: to.line, end_column: to.column, start, end };
}
