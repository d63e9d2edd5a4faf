// Setting one value in a YAML text with the smallest possible edit: only the scalar's bytes
// change (comments, quoting, key order and line endings stay), or one `key: value` is
// inserted. Every edit is confirmed by re-parsing before it is returned.
import { CST } from 'yaml';
import type { TextEdit } from '../../documents/model.js';
import { CustodianError } from '../../errors.js';
import { applyEdits } from '../apply-edits.js';
import { dominantEol, type Eol } from '../text-file.js';
import {
  columnOf,
  entries,
  findEntry,
  formatPath,
  itemContentEnd,
  itemStart,
  keyText,
  lineEndAt,
  parentCollection,
  parseCstRoot,
  type CstCollection,
  type CstItem,
  type YamlPath,
} from './cst-path.js';
import { renderBlockScalar, renderKey, renderScalar, type QuoteStyle, type ScalarValue } from './scalar-render.js';
import { valueSlot } from './value-slot.js';
import { dataAt, verifyYamlEdit, yamlData } from './verify.js';

export interface YamlSetOptions {
  /** Where a new key goes: after this key of the same mapping when it exists, else after the last key. */
  after?: string;
  /** Line ending of an inserted line when the YAML text has none of its own (default '\n'). */
  eol?: Eol;
}

/**
 * Edits (0 or 1, offsets into `yamlText`) that set `path` to `value`. No edit when the value is
 * already there with that type. Throws CustodianError: `refused` for a text that does not parse
 * or a value that is a collection, `not-found` for a missing parent or list index.
 */
export function yamlSetValue(yamlText: string, path: YamlPath, value: ScalarValue, options: YamlSetOptions = {}): TextEdit[] {
  if (path.length === 0) throw new CustodianError('usage', 'a YAML path needs at least one key');
  const before = yamlData(yamlText, 'input');
  const eol = hasLineBreak(yamlText) ? dominantEol(yamlText) : (options.eol ?? '\n');
  const { root } = parseCstRoot(yamlText);
  const parent = parentCollection(root, path);
  const last = path[path.length - 1];
  let edit: TextEdit;
  let insertedAfter: string | null | undefined;
  if (parent === null) {
    if (typeof last !== 'string') throw new CustodianError('not-found', `no list at ${formatPath([])}`);
    edit = appendToEmpty(yamlText, last, value, eol);
    insertedAfter = null;
  } else {
    const entry = findEntry(parent, last);
    if (entry) {
      if (Object.is(dataAt(before, path), value)) return [];
      edit = replaceValue(yamlText, parent, entry, value, eol, path);
    } else if (parent.kind === 'map') {
      ({ edit, insertedAfter } = insertKey(yamlText, parent, String(last), value, options.after, eol));
    } else {
      throw new CustodianError('not-found', `no item at ${formatPath(path)}`);
    }
  }
  verifyYamlEdit(before, applyEdits(yamlText, [edit]).text, { path, value, insertedAfter });
  return [edit];
}

function replaceValue(text: string, parent: CstCollection, entry: CstItem, value: ScalarValue, eol: Eol, path: YamlPath): TextEdit {
  const slot = valueSlot(text, parent, entry);
  switch (slot.kind) {
    case 'empty':
      return { start: slot.at, end: slot.at, text: slot.lead + renderScalar(value, 'plain', parent.flow) };
    case 'flow':
      return { start: slot.start, end: slot.end, text: renderScalar(value, slot.style, parent.flow) };
    case 'block': {
      const block = typeof value === 'string' ? renderBlockScalar(value, slot.indicator, slot.bodyIndent, eol) : null;
      // The header's comment stays on the header line, or after a value that replaces the block.
      const text = block
        ? block.replace(/^([|>][-+]?)/, `$1${slot.headerTail}`)
        : renderScalar(value, 'plain', parent.flow) + slot.headerTail;
      return { start: slot.start, end: slot.end, text };
    }
    case 'unsupported':
      throw new CustodianError('refused', `${formatPath(path)} holds ${slot.what}, not a single value`);
  }
}

function insertKey(
  text: string,
  parent: CstCollection,
  key: string,
  value: ScalarValue,
  after: string | undefined,
  eol: Eol,
): { edit: TextEdit; insertedAfter: string | null } {
  const list = entries(parent);
  const anchor = (after !== undefined ? list.find((item) => keyText(item) === after) : undefined) ?? list[list.length - 1];
  const line = `${renderKey(key, parent.flow)}: ${renderScalar(value, newValueStyle(parent, anchor, value), parent.flow)}`;
  const insertedAfter = anchor ? keyText(anchor) : null;
  if (parent.flow) {
    const token = parent.token as CST.FlowCollection;
    if (!anchor) return { edit: { start: token.start.offset + 1, end: token.start.offset + 1, text: line }, insertedAfter };
    const at = itemContentEnd(anchor);
    return { edit: { start: at, end: at, text: `, ${line}` }, insertedAfter };
  }
  // A block mapping always has an entry. The new line goes after the anchor's whole value
  // (nested lines included) and its trailing comment, before any comment or blank line below.
  const at = lineEndAt(text, itemContentEnd(anchor));
  const indent = ' '.repeat(columnOf(text, itemStart(list[0])));
  return { edit: { start: at, end: at, text: `${eol}${indent}${line}` }, insertedAfter };
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A new date is written like the dates already in the same mapping (`completed:` beside
 * `updated: "2026-02-28"` comes out quoted), preferring the entry it follows; anything else,
 * and a date with no dated neighbour, is plain when safe.
 */
function newValueStyle(parent: CstCollection, anchor: CstItem | undefined, value: ScalarValue): QuoteStyle {
  if (typeof value !== 'string' || !DATE.test(value)) return 'plain';
  const dated = entries(parent).filter((item) => {
    const scalar = item.value ? CST.resolveAsScalar(item.value) : null;
    return scalar !== null && DATE.test(scalar.value);
  });
  const model = dated.includes(anchor as CstItem) ? anchor : dated[dated.length - 1];
  const type = model?.value?.type;
  return type === 'single-quoted-scalar' ? 'single' : type === 'double-quoted-scalar' ? 'double' : 'plain';
}

function appendToEmpty(text: string, key: string, value: ScalarValue, eol: Eol): TextEdit {
  const line = `${renderKey(key, false)}: ${renderScalar(value, 'plain', false)}`;
  const atLineStart = text === '' || text.endsWith('\n') || text.endsWith('\r');
  return { start: text.length, end: text.length, text: atLineStart ? line + eol : eol + line };
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}
