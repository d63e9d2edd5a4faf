// Registry edits as text transforms: custodian.yaml text in, new text out, built from the edit
// engine's primitives so every untouched byte (comments, blank lines, quoting, CRLF) stays.
// What the engine does not do for a registry is added here: an empty `[]` list grows into a
// block list, a fingerprint is always double-quoted, and a missing nested mapping (`host_paths`)
// is inserted. Each step is confirmed by re-parsing, as the engine's own steps are.
import type { CST } from 'yaml';
import { applyEdits, dominantEol, yamlAppendItem, yamlGetScalar, yamlSetValue, type AppendItem, type ScalarValue } from '../edit/index.js';
import {
  asCollection,
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
  type YamlPath,
} from '../edit/yaml/cst-path.js';
import { doubleQuote, renderKey, renderScalar } from '../edit/yaml/scalar-render.js';
import { dataAt, sameData, yamlData } from '../edit/yaml/verify.js';
import { CustodianError } from '../errors.js';
import { DOMAIN_KEYS, REGISTRY_MAX_BYTES, REPO_KEYS } from './types.js';

export type RegistryList = 'domains' | 'repos';

/** Key order of a new key: it goes after the nearest key before it in this order that the entry has. */
export const DOMAIN_KEY_ORDER = DOMAIN_KEYS;
export const REPO_KEY_ORDER = REPO_KEYS;

type Mapping = Record<string, unknown>;

/** The registry as the loader reads it: the same subset, with the registry's larger size cap. */
const registryYaml = (text: string, role: 'input' | 'output'): unknown => yamlData(text, role, { maxBytes: REGISTRY_MAX_BYTES });

/** Index of the entry of `list` whose slug is `slug` (-1 when there is none). */
export function entryIndex(text: string, list: RegistryList, slug: string): number {
  const entriesData = dataAt(registryYaml(text, 'input'), [list]);
  if (!Array.isArray(entriesData)) return -1;
  return entriesData.findIndex((entry) => isMapping(entry) && entry.slug === slug);
}

/** The plain data of a registry text (throws `refused` when it does not parse). */
export function registryData(text: string): Mapping {
  const data = registryYaml(text, 'input');
  return isMapping(data) ? data : {};
}

/**
 * Appends an entry to `domains` or `repos`. An empty flow list (`domains: []`, as `init`
 * writes it) becomes a block list, so entries read one key per line like hand-written ones.
 */
export function appendEntry(text: string, list: RegistryList, item: AppendItem): string {
  const before = registryYaml(text, 'input');
  const emptied = withoutEmptyFlowList(text, list);
  const after = apply(emptied, yamlAppendItem(emptied, [list], item, { eol: eolOf(text) }));
  const expected = (isMapping(before) ? structuredClone(before) : {}) as Mapping;
  expected[list] = [...((dataAt(before, [list]) as unknown[] | null | undefined) ?? []), structuredClone(item)];
  confirm(after, expected, [list]);
  return after;
}

/** `key: []` → `key:` (the append then writes a block list under it); anything else unchanged. */
function withoutEmptyFlowList(text: string, list: RegistryList): string {
  const { root } = parseCstRoot(text);
  const top = asCollection(root);
  const entry = top && top.kind === 'map' ? findEntry(top, list) : undefined;
  const value = asCollection(entry?.value);
  if (!value || !value.flow || value.kind !== 'seq' || entries(value).length > 0) return text;
  const token = value.token as CST.FlowCollection;
  const end = token.end.reduce((at, t) => (t.type === 'flow-seq-end' ? t.offset + t.source.length : at), -1);
  if (end < 0) return text;
  let start = token.offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return text.slice(0, start) + text.slice(end);
}

export interface SetOptions {
  /** Key order for a key that has to be inserted (it goes after the nearest existing predecessor). */
  order?: readonly string[];
  /** Write the value double-quoted whatever style the old value had (fingerprints). */
  quote?: 'double';
}

/** Sets the scalar at `path` (inserting the key when the mapping lacks it). */
export function setScalar(text: string, path: YamlPath, value: ScalarValue, options: SetOptions = {}): string {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const after = options.order ? precedingKey(text, parentPath, key, options.order) : undefined;
  let next = apply(text, yamlSetValue(text, path, value, { after, eol: eolOf(text) }));
  if (options.quote === 'double' && typeof value === 'string') next = doubleQuoted(next, path);
  return next;
}

/** Rewrites the string at `path` double-quoted (a fingerprint of digits must never read as a number). */
export function doubleQuoted(text: string, path: YamlPath): string {
  const scalar = yamlGetScalar(text, path);
  if (!scalar || scalar.style === 'double' || typeof scalar.value !== 'string') return text;
  if (scalar.style !== 'plain' && scalar.style !== 'single') return text;
  const after = apply(text, [{ start: scalar.start, end: scalar.end, text: doubleQuote(scalar.value) }]);
  confirm(after, registryYaml(text, 'input'), path);
  return after;
}

/**
 * Sets `mapPath.key` (e.g. `repos[2].host_paths.build-box`). When the mapping at `mapPath`
 * does not exist yet, it is inserted into its parent as a block mapping (or a flow one inside
 * a flow entry) after the nearest existing predecessor in `order`.
 */
export function setInMapping(text: string, mapPath: YamlPath, key: string, value: ScalarValue, order: readonly string[]): string {
  const before = registryYaml(text, 'input');
  const existing = dataAt(before, mapPath);
  if (isMapping(existing)) return setScalar(text, [...mapPath, key], value);
  if (existing !== undefined) {
    throw new CustodianError('refused', `${formatPath(mapPath)} is not a mapping; fix it by hand before setting ${key}`);
  }
  const mapKey = String(mapPath[mapPath.length - 1]);
  const owner = parentCollection(parseCstRoot(text).root, mapPath);
  if (!owner || owner.kind !== 'map') throw new CustodianError('not-found', `no mapping at ${formatPath(mapPath.slice(0, -1))}`);
  const anchorKey = precedingKey(text, mapPath.slice(0, -1), mapKey, order);
  const list = entries(owner);
  const anchor = list.find((item) => keyText(item) === anchorKey) ?? list[list.length - 1];
  const eol = eolOf(text);
  let insertion: { at: number; text: string };
  if (owner.flow) {
    const pair = `${renderKey(mapKey, true)}: {${renderKey(key, true)}: ${renderScalar(value, 'plain', true)}}`;
    insertion = anchor
      ? { at: itemContentEnd(anchor), text: `, ${pair}` }
      : { at: (owner.token as CST.FlowCollection).start.offset + 1, text: pair };
  } else {
    const indent = ' '.repeat(columnOf(text, itemStart(list[0])));
    insertion = {
      at: lineEndAt(text, itemContentEnd(anchor)),
      text: `${eol}${indent}${renderKey(mapKey, false)}:${eol}${indent}  ${renderKey(key, false)}: ${renderScalar(value, 'plain', false)}`,
    };
  }
  const after = apply(text, [{ start: insertion.at, end: insertion.at, text: insertion.text }]);
  confirm(after, withKeyAfter(before, mapPath, { [key]: value }, anchor ? keyText(anchor) : null), mapPath);
  return after;
}

/** The key `key` follows in `order` that the mapping at `mapPath` already has (undefined: none). */
function precedingKey(text: string, mapPath: YamlPath, key: string, order: readonly string[]): string | undefined {
  const mapping = dataAt(registryYaml(text, 'input'), mapPath);
  if (!isMapping(mapping)) return undefined;
  const position = order.indexOf(key);
  if (position < 0) return undefined;
  for (let i = position - 1; i >= 0; i--) if (Object.hasOwn(mapping, order[i])) return order[i];
  return undefined;
}

/** `data` with `value` inserted at `path` right after key `anchor` of the same mapping. */
function withKeyAfter(data: unknown, path: YamlPath, value: unknown, anchor: string | null): unknown {
  const copy = structuredClone(data) as Mapping;
  const parent = dataAt(copy, path.slice(0, -1)) as Mapping;
  const key = String(path[path.length - 1]);
  const rebuilt: Mapping = {};
  let placed = false;
  for (const [k, v] of Object.entries(parent)) {
    rebuilt[k] = v;
    if (k === anchor) {
      rebuilt[key] = value;
      placed = true;
    }
  }
  if (!placed) rebuilt[key] = value;
  for (const k of Object.keys(parent)) delete parent[k];
  Object.assign(parent, rebuilt);
  return copy;
}

function confirm(afterText: string, expected: unknown, path: YamlPath): void {
  if (!sameData(registryYaml(afterText, 'output'), expected)) {
    throw new CustodianError('refused', `editing ${formatPath(path)} would change more than that value; nothing was written`, {
      details: { reason: 'verification', path: [...path] },
    });
  }
}

function apply(text: string, edits: Parameters<typeof applyEdits>[1]): string {
  return applyEdits(text, edits).text;
}

/** The text's own line ending, so inserted lines match a CRLF file. */
function eolOf(text: string) {
  return dominantEol(text);
}

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Which registry file holds the entry of `list` with `slug` (custodian.yaml first), and at which index. */
export function locateEntry(
  texts: { main: string; local: string | null },
  list: RegistryList,
  slug: string,
): { file: 'main' | 'local'; index: number } | null {
  const inMain = entryIndex(texts.main, list, slug);
  if (inMain >= 0) return { file: 'main', index: inMain };
  const inLocal = texts.local === null ? -1 : entryIndex(texts.local, list, slug);
  return inLocal >= 0 ? { file: 'local', index: inLocal } : null;
}

/** Indexes of the entries of `list` whose `key` equals `value` (repos of a domain). */
export function entriesWhere(text: string, list: RegistryList, key: string, value: string): number[] {
  const entriesData = dataAt(registryYaml(text, 'input'), [list]);
  if (!Array.isArray(entriesData)) return [];
  return entriesData.flatMap((entry, index) => (isMapping(entry) && entry[key] === value ? [index] : []));
}
