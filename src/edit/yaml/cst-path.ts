// Finding things in a `yaml` 2 CST by path, with their exact offsets in the source text.
// The CST keeps every byte (comments, spaces, quotes), so offsets found here are where a
// minimal edit goes.
import { CST, Parser } from 'yaml';
import { CustodianError } from '../../errors.js';

export type YamlPath = readonly (string | number)[];
export type CstItem = CST.CollectionItem;

export interface CstCollection {
  kind: 'map' | 'seq';
  flow: boolean;
  token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
}

/** The one document's value token, or null for a text with no content (empty, comments only). */
export function parseCstRoot(text: string): { root: CST.Token | null; doc: CST.Document | null } {
  const docs = [...new Parser().parse(text)].filter((token): token is CST.Document => token.type === 'document');
  if (docs.length > 1) throw new CustodianError('refused', 'the YAML holds more than one document');
  const doc = docs[0] ?? null;
  return { root: doc?.value ?? null, doc };
}

export function asCollection(token: CST.Token | null | undefined): CstCollection | null {
  if (!token) return null;
  if (token.type === 'block-map') return { kind: 'map', flow: false, token };
  if (token.type === 'block-seq') return { kind: 'seq', flow: false, token };
  if (token.type === 'flow-collection') return { kind: token.start.source === '{' ? 'map' : 'seq', flow: true, token };
  return null;
}

/**
 * The items that are entries: a block map also holds items that are only comments or blank
 * lines (trailing a nested value), and a block sequence entry is recognised by its `-`.
 */
export function entries(collection: CstCollection): CstItem[] {
  const items = collection.token.items as CstItem[];
  if (collection.kind === 'map') return items.filter((item) => item.key !== undefined);
  if (!collection.flow) return items.filter((item) => item.start.some((t) => t.type === 'seq-item-ind'));
  return items.filter((item) => item.value !== undefined || item.key !== undefined);
}

/** A key's string value; null for a key that is a collection (never matched by a path). */
export function keyText(item: CstItem): string | null {
  if (item.key === null || item.key === undefined) return '';
  return CST.resolveAsScalar(item.key)?.value ?? null;
}

export function findEntry(collection: CstCollection, segment: string | number): CstItem | undefined {
  const list = entries(collection);
  if (collection.kind === 'seq') return typeof segment === 'number' ? list[segment] : undefined;
  const wanted = String(segment);
  return list.find((item) => keyText(item) === wanted);
}

/**
 * The collection holding the last path segment. Throws `not-found` when an intermediate
 * segment is missing or is not a collection: only the last key is ever inserted.
 */
export function parentCollection(root: CST.Token | null, path: YamlPath): CstCollection | null {
  let current: CST.Token | null | undefined = root;
  for (let i = 0; i < path.length - 1; i++) {
    const collection = asCollection(current);
    const entry = collection ? findEntry(collection, path[i]) : undefined;
    if (!entry || entry.value === undefined) {
      throw new CustodianError('not-found', `no value at ${formatPath(path.slice(0, i + 1))}`);
    }
    current = entry.value;
  }
  if (path.length === 1 && current === null) return null;
  const collection = asCollection(current);
  if (!collection) throw new CustodianError('not-found', `no mapping or list at ${formatPath(path.slice(0, -1))}`);
  return collection;
}

export function formatPath(path: YamlPath): string {
  if (path.length === 0) return '(root)';
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

const TRIVIA = new Set(['space', 'newline', 'comment']);

/** Offset just past the last character of `token` that is not space, a line break or a comment. */
export function contentEnd(token: CST.Token | null | undefined): number {
  if (!token) return -1;
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'alias':
      return token.offset + token.source.length;
    case 'block-scalar': {
      const body = blockScalarBodyStart(token);
      // Keep chomping (`|+`) makes trailing blank lines part of the value: they are content.
      const keep = token.props.some((t) => t.type === 'block-scalar-header' && t.source.includes('+'));
      const trimmed = keep ? token.source.replace(/(?:\r\n|\n|\r)$/, '') : token.source.trimEnd();
      return trimmed.trim().length > 0 ? body + trimmed.length : headerEnd(token);
    }
    case 'block-map':
    case 'block-seq':
      return Math.max(-1, ...(token.items as CstItem[]).map(itemContentEnd));
    case 'flow-collection':
      return Math.max(contentEnd(token.start), ...token.items.map(itemContentEnd), tokensEnd(token.end));
    default:
      return 'source' in token && !TRIVIA.has(token.type) ? token.offset + token.source.length : -1;
  }
}

export function itemContentEnd(item: CstItem): number {
  return Math.max(tokensEnd(item.start), contentEnd(item.key), tokensEnd(item.sep ?? []), contentEnd(item.value));
}

function tokensEnd(tokens: readonly CST.Token[]): number {
  return Math.max(-1, ...tokens.map(contentEnd));
}

/** Where the first significant character of an item is (its `?`, `-` or key). */
export function itemStart(item: CstItem): number {
  const marker = item.start.find((t) => !TRIVIA.has(t.type));
  if (marker) return marker.offset;
  if (item.key) return item.key.offset;
  return item.value?.offset ?? -1;
}

export function blockScalarBodyStart(token: CST.BlockScalar): number {
  const last = token.props[token.props.length - 1];
  return last && 'source' in last ? last.offset + last.source.length : token.offset;
}

/** End of the header line's significant part (`|-`, an indentation indicator), before any comment. */
export function headerEnd(token: CST.BlockScalar): number {
  const header = token.props.find((t) => t.type === 'block-scalar-header');
  return header && 'source' in header ? header.offset + header.source.length : token.offset;
}

/** Offset of the line break ending the line that holds `offset` (or the text's end). */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return offset - i;
}
