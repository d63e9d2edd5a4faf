// Removing a key from a mapping, or an item from a list, with the smallest edit: the entry's own
// lines in block style (comments on other lines stay), the entry and one comma in flow style.
// Every edit is confirmed by re-parsing: exactly that key or item is gone, nothing else moved.
import type { TextEdit } from '../../documents/model.js';
import { CustodianError } from '../../errors.js';
import { applyEdits } from '../apply-edits.js';
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
  type CstItem,
  type YamlPath,
} from './cst-path.js';
import { renderScalar } from './scalar-render.js';
import { valueSlot } from './value-slot.js';
import { dataAt, sameData, yamlData } from './verify.js';

/** Edits (0 or 1) that delete the key at `path`; none when it is not there. */
export function yamlDeleteKey(yamlText: string, path: YamlPath): TextEdit[] {
  const before = yamlData(yamlText, 'input');
  const { root } = parseCstRoot(yamlText);
  const parent = parentCollection(root, path);
  const key = String(path[path.length - 1]);
  if (parent === null || parent.kind !== 'map') return [];
  const entry = findEntry(parent, key);
  if (!entry) return [];
  if (entries(parent).length === 1) throw new CustodianError('refused', `${formatPath(path)} is the only key of its mapping; not removing it`);
  const edit = removeEntry(yamlText, parent, entry);
  const mapping = path.slice(0, -1);
  const expected = replaceAt(before, mapping, (value) => {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== key) setOwn(copy, k, v);
    return copy;
  });
  confirm(expected, yamlText, edit, path);
  return [edit];
}

/** Edits (1) that remove item `index` of the list at `path`; the last item leaves an empty `[]`. */
export function yamlRemoveItem(yamlText: string, path: YamlPath, index: number): TextEdit[] {
  const before = yamlData(yamlText, 'input');
  const { root } = parseCstRoot(yamlText);
  const parent = parentCollection(root, path);
  const entry = parent ? findEntry(parent, path[path.length - 1]) : undefined;
  const list = asCollection(entry?.value);
  if (!parent || !entry || !list || list.kind !== 'seq') throw new CustodianError('refused', `${formatPath(path)} is not a list`);
  const items = entries(list);
  const item = items[index];
  if (!item) throw new CustodianError('not-found', `no item ${index} in ${formatPath(path)}`);
  let edit: TextEdit;
  if (items.length > 1) edit = removeEntry(yamlText, list, item);
  else if (list.flow) edit = { start: itemStart(item), end: itemContentEnd(item), text: '' };
  else {
    // The only item of a block list: the key is left with an empty flow list.
    const colon = entry.sep?.find((token) => token.type === 'map-value-ind');
    if (!colon || !('offset' in colon)) throw new CustodianError('refused', `${formatPath(path)} is not a key with a list`);
    edit = { start: colon.offset + 1, end: lineEndAt(yamlText, itemContentEnd(item)), text: ' []' };
  }
  confirm(replaceAt(before, path, (value) => (value as unknown[]).filter((_, i) => i !== index)), yamlText, edit, path);
  return [edit];
}

/** Edits (0 or 1) that write `items` as a flow list over the scalar (or empty) value at `path`. */
export function yamlScalarToList(yamlText: string, path: YamlPath, items: readonly string[]): TextEdit[] {
  const before = yamlData(yamlText, 'input');
  const { root } = parseCstRoot(yamlText);
  const parent = parentCollection(root, path);
  const entry = parent ? findEntry(parent, path[path.length - 1]) : undefined;
  if (!parent || !entry) throw new CustodianError('not-found', `no value at ${formatPath(path)}`);
  const slot = valueSlot(yamlText, parent, entry);
  const list = `[${items.map((item) => renderScalar(item, 'plain', true)).join(', ')}]`;
  let edit: TextEdit;
  if (slot.kind === 'empty') edit = { start: slot.at, end: slot.at, text: slot.lead + list };
  else if (slot.kind === 'flow') edit = { start: slot.start, end: slot.end, text: list };
  else throw new CustodianError('refused', `${formatPath(path)} holds a value this edit does not rewrite`);
  confirm(replaceAt(before, path, () => [...items]), yamlText, edit, path);
  return [edit];
}

/** The span of one entry of a collection with more than one entry. */
function removeEntry(text: string, collection: CstCollection, entry: CstItem): TextEdit {
  const list = entries(collection);
  const i = list.indexOf(entry);
  const next = list[i + 1];
  const previous = list[i - 1];
  if (collection.flow) {
    // `a, b, c`: removing b takes `, b`; removing a takes `a, `.
    if (previous) return { start: itemContentEnd(previous), end: itemContentEnd(entry), text: '' };
    return { start: itemStart(entry), end: itemStart(next), text: '' };
  }
  const start = itemStart(entry);
  const lineStart = start - columnOf(text, start);
  if (text.slice(lineStart, start).trim() !== '') {
    // The entry shares its line with what opens the collection (`- assignee: x`): the next entry moves up.
    return { start, end: itemStart(next), text: '' };
  }
  const end = lineEndAt(text, itemContentEnd(entry));
  const eolLength = text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0;
  // The last line of the text has no line break after it: take the one before instead.
  if (eolLength === 0 && lineStart > 0) return { start: lineStart - (text[lineStart - 2] === '\r' ? 2 : 1), end, text: '' };
  return { start: lineStart, end: end + eolLength, text: '' };
}

function confirm(expected: unknown, text: string, edit: TextEdit, path: YamlPath): void {
  const after = yamlData(applyEdits(text, [edit]).text, 'output');
  if (!sameData(expected, after)) {
    throw new CustodianError('refused', `editing ${formatPath(path)} would change more than that; nothing was written`, {
      details: { reason: 'verification', path: [...path] },
    });
  }
}

/** `data` with the value at `path` replaced by `change(value)`, everything else (and key order) kept. */
function replaceAt(data: unknown, path: YamlPath, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(data);
  const [head, ...rest] = path;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as Record<string, unknown>) }) as Record<string | number, unknown>;
  setOwn(copy, head, replaceAt(dataAt(data, [head]), rest, change));
  return copy;
}

/** Assignment that treats `__proto__` as a plain key, as the YAML reader does. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
