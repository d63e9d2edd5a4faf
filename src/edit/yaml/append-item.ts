// Appending an item to a list (a new domain or repo in custodian.yaml, a new entry of
// `affected_repos`) with one inserted span, in the list's own style, confirmed by re-parsing.
import { CST } from 'yaml';
import type { TextEdit } from '../../documents/model.js';
import { CustodianError } from '../../errors.js';
import { applyEdits } from '../apply-edits.js';
import { dominantEol, type Eol } from '../text-file.js';
import {
  asCollection,
  columnOf,
  entries,
  findEntry,
  formatPath,
  itemContentEnd,
  itemStart,
  lineEndAt,
  parentCollection,
  parseCstRoot,
  type CstCollection,
  type YamlPath,
} from './cst-path.js';
import { renderKey, renderScalar, type ScalarValue } from './scalar-render.js';
import { valueSlot } from './value-slot.js';
import { dataAt, verifyYamlEdit, yamlData } from './verify.js';

/** A list item: a scalar, or a mapping whose values are scalars or lists of scalars. */
export type AppendItem = ScalarValue | Readonly<Record<string, ScalarValue | readonly ScalarValue[]>>;

/**
 * Edits (one, offsets into `yamlText`) that append `item` to the list at `path`. A key that is
 * missing or empty becomes a block list holding the item. Throws like yamlSetValue; `refused`
 * when `path` holds something other than a list.
 */
export function yamlAppendItem(yamlText: string, path: YamlPath, item: AppendItem, options: { eol?: Eol } = {}): TextEdit[] {
  if (path.length === 0) throw new CustodianError('usage', 'a YAML path needs at least one key');
  const before = yamlData(yamlText, 'input');
  const eol = /[\r\n]/.test(yamlText) ? dominantEol(yamlText) : (options.eol ?? '\n');
  const existing = dataAt(before, path);
  if (existing !== undefined && existing !== null && !Array.isArray(existing)) {
    throw new CustodianError('refused', `${formatPath(path)} is not a list`);
  }
  const { root } = parseCstRoot(yamlText);
  const parent = parentCollection(root, path);
  const key = path[path.length - 1];
  let edit: TextEdit;
  let insertedAfter: string | null | undefined;
  if (parent === null) {
    const lines = `${renderKey(String(key), false)}:${eol}  - ${blockItem(item, 4, eol)}`;
    const atLineStart = yamlText === '' || /[\r\n]$/.test(yamlText);
    edit = { start: yamlText.length, end: yamlText.length, text: atLineStart ? lines + eol : eol + lines };
    insertedAfter = null;
  } else {
    const entry = findEntry(parent, key);
    const list = asCollection(entry?.value);
    if (list) edit = appendTo(yamlText, list, item, eol);
    else if (entry) edit = fillEmpty(yamlText, parent, entry, item, eol, path);
    else if (parent.kind === 'map') ({ edit, insertedAfter } = addListKey(yamlText, parent, String(key), item, eol));
    else throw new CustodianError('not-found', `no item at ${formatPath(path)}`);
  }
  const value = [...((existing as unknown[] | null | undefined) ?? []), plainItem(item)];
  verifyYamlEdit(before, applyEdits(yamlText, [edit]).text, { path, value, insertedAfter });
  return [edit];
}

function appendTo(text: string, list: CstCollection, item: AppendItem, eol: Eol): TextEdit {
  const items = entries(list);
  const last = items[items.length - 1];
  if (list.flow) {
    if (!last) {
      const open = (list.token as CST.FlowCollection).start.offset + 1;
      return { start: open, end: open, text: flowItem(item) };
    }
    const at = itemContentEnd(last);
    return { start: at, end: at, text: `, ${flowItem(item)}` };
  }
  // Same column for the `-` as the first item, same gap between `-` and the item's keys.
  const first = items[0];
  const dash = columnOf(text, itemStart(first));
  const firstKey = first.value?.type === 'block-map' ? (first.value.items[0]?.key ?? null) : null;
  const gap = firstKey ? Math.max(2, columnOf(text, firstKey.offset) - dash) : 2;
  const at = lineEndAt(text, itemContentEnd(last));
  return { start: at, end: at, text: `${eol}${' '.repeat(dash)}-${' '.repeat(gap - 1)}${blockItem(item, dash + gap, eol)}` };
}

/** `key:` with no value (or `~`): the list goes on the lines below, indented under the key. */
function fillEmpty(text: string, parent: CstCollection, entry: CST.CollectionItem, item: AppendItem, eol: Eol, path: YamlPath): TextEdit {
  const slot = valueSlot(text, parent, entry);
  if (parent.flow) {
    if (slot.kind === 'empty') return { start: slot.at, end: slot.at, text: `${slot.lead}[${flowItem(item)}]` };
    if (slot.kind === 'flow') return { start: slot.start, end: slot.end, text: `[${flowItem(item)}]` };
  } else if (slot.kind === 'empty' || slot.kind === 'flow') {
    // The list starts on the next line; a `~` it replaces goes, a comment on the key's line stays there.
    const indent = columnOf(text, itemStart(entry)) + 2;
    const lineEnd = lineEndAt(text, slot.kind === 'empty' ? slot.at : slot.end);
    const from = slot.kind === 'empty' ? lineEnd : text[slot.start - 1] === ' ' ? slot.start - 1 : slot.start;
    const tail = slot.kind === 'empty' ? '' : text.slice(slot.end, lineEnd);
    return { start: from, end: lineEnd, text: `${tail}${eol}${' '.repeat(indent)}- ${blockItem(item, indent + 2, eol)}` };
  }
  throw new CustodianError('refused', `${formatPath(path)} is not a list`);
}

function addListKey(text: string, parent: CstCollection, key: string, item: AppendItem, eol: Eol) {
  const items = entries(parent);
  const last = items[items.length - 1];
  const insertedAfter = last ? (CST.resolveAsScalar(last.key)?.value ?? null) : null;
  if (parent.flow) {
    const line = `${renderKey(key, true)}: [${flowItem(item)}]`;
    if (!last) {
      const open = (parent.token as CST.FlowCollection).start.offset + 1;
      return { edit: { start: open, end: open, text: line }, insertedAfter };
    }
    const at = itemContentEnd(last);
    return { edit: { start: at, end: at, text: `, ${line}` }, insertedAfter };
  }
  const indent = columnOf(text, itemStart(items[0]));
  const at = lineEndAt(text, itemContentEnd(last));
  const lines = `${eol}${' '.repeat(indent)}${renderKey(key, false)}:${eol}${' '.repeat(indent + 2)}- ${blockItem(item, indent + 4, eol)}`;
  return { edit: { start: at, end: at, text: lines }, insertedAfter };
}

/** The item after its `- `: a scalar, or `key: value` lines with the later ones at `column`. */
function blockItem(item: AppendItem, column: number, eol: Eol): string {
  if (!isMapping(item)) return renderScalar(item, 'plain', false);
  const lines = Object.entries(item).map(([key, value]) => `${renderKey(key, false)}: ${blockValue(value)}`);
  if (lines.length === 0) return '{}';
  return lines.join(eol + ' '.repeat(column));
}

function blockValue(value: ScalarValue | readonly ScalarValue[]): string {
  return Array.isArray(value) ? `[${value.map((v) => renderScalar(v, 'plain', true)).join(', ')}]` : renderScalar(value as ScalarValue, 'plain', false);
}

function flowItem(item: AppendItem): string {
  if (!isMapping(item)) return renderScalar(item, 'plain', true);
  const pairs = Object.entries(item).map(([key, value]) =>
    Array.isArray(value)
      ? `${renderKey(key, true)}: [${value.map((v) => renderScalar(v, 'plain', true)).join(', ')}]`
      : `${renderKey(key, true)}: ${renderScalar(value as ScalarValue, 'plain', true)}`,
  );
  return `{${pairs.join(', ')}}`;
}

function isMapping(item: AppendItem): item is Readonly<Record<string, ScalarValue | readonly ScalarValue[]>> {
  return item !== null && typeof item === 'object';
}

function plainItem(item: AppendItem): unknown {
  return isMapping(item) ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) : item;
}
