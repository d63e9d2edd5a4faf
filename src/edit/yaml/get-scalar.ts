// Reading one value with where it is written, for callers that report or compare before editing.
import { CustodianError } from '../../errors.js';
import { findEntry, parentCollection, parseCstRoot, type YamlPath } from './cst-path.js';
import type { ScalarValue } from './scalar-render.js';
import { valueSlot } from './value-slot.js';
import { dataAt, yamlData } from './verify.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded' | 'empty';

export interface YamlScalar {
  /** The value as the core schema reads it (`2026-02-28` stays a string). */
  value: ScalarValue;
  /** The source text of the value (quotes and block header included; '' for an empty value). */
  raw: string;
  /** Span of `raw` in the YAML text; for an empty value, the point where a value would go. */
  start: number;
  end: number;
  style: ScalarStyle;
}

/**
 * The scalar at `path`, or null when the path leads nowhere or to a collection. Throws
 * `refused` for a text that does not parse (nothing it says could be trusted).
 */
export function yamlGetScalar(yamlText: string, path: YamlPath): YamlScalar | null {
  if (path.length === 0) return null;
  const data = yamlData(yamlText, 'input');
  const { root } = parseCstRoot(yamlText);
  let parent;
  try {
    parent = parentCollection(root, path);
  } catch (error) {
    if (error instanceof CustodianError && error.code === 'not-found') return null;
    throw error;
  }
  const entry = parent ? findEntry(parent, path[path.length - 1]) : undefined;
  if (!parent || !entry) return null;
  const value = dataAt(data, path);
  if (value !== null && typeof value === 'object') return null;
  const slot = valueSlot(yamlText, parent, entry);
  switch (slot.kind) {
    case 'empty':
      return { value: value as ScalarValue, raw: '', start: slot.at, end: slot.at, style: 'empty' };
    case 'flow':
      return { value: value as ScalarValue, raw: yamlText.slice(slot.start, slot.end), start: slot.start, end: slot.end, style: slot.style };
    case 'block':
      return {
        value: value as ScalarValue,
        raw: yamlText.slice(slot.start, slot.end),
        start: slot.start,
        end: slot.end,
        style: slot.indicator === '|' ? 'block-literal' : 'block-folded',
      };
    case 'unsupported':
      return null;
  }
}
