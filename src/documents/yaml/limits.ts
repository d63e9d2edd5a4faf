// The limits of DESIGN's accepted YAML subset, shared by both readers so they reject the same texts.
import { MAX_YAML_BYTES } from './types.js';

/**
 * How many collections may nest, counting the ones written in the text (block mappings and
 * sequences, `[…]`, `{…}`); the root collection is depth 1. Front-matter nests a handful of levels;
 * 100 leaves room for any real document and bounds both parsers' recursion far below a stack
 * overflow. An implicit single-pair mapping inside a flow sequence (`[a: b]`) adds no level: it is
 * not written as a collection.
 */
export const MAX_YAML_DEPTH = 100;

/** Keys that would reach an object's prototype machinery if a consumer assigned them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** YAML 1.1's merge key: meaningless in the 1.2 core schema and rejected so no reader merges. */
export const MERGE_KEY = '<<';

/** Whether the UTF-8 encoding of `text` is longer than `max` bytes, without encoding it. */
export function exceedsMaxBytes(text: string, max = MAX_YAML_BYTES): boolean {
  // A UTF-16 code unit encodes to 1–3 bytes (a surrogate pair, two units, to 4).
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes > max;
}
