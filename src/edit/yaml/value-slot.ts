// Where an entry's value sits in the source and how it is written: the span a new value
// replaces, or the point where a missing value goes.
import type { CST } from 'yaml';
import { blockScalarBodyStart, columnOf, contentEnd, headerEnd, type CstCollection, type CstItem } from './cst-path.js';
import type { QuoteStyle } from './scalar-render.js';

export type ValueSlot =
  /** No value written (`key:`, `- `, `{key}`): a value goes at `at`, after `lead` (a space, or `: `). */
  | { kind: 'empty'; at: number; lead: string }
  | { kind: 'flow'; start: number; end: number; style: QuoteStyle }
  /**
   * `|` or `>`: the span runs from the header to the end of the last content line; `headerTail`
   * is what follows the header on its line (a comment), `bodyIndent` the body's indentation.
   */
  | { kind: 'block'; start: number; end: number; indicator: '|' | '>'; headerTail: string; bodyIndent: string }
  | { kind: 'unsupported'; what: string };

const STYLE_OF: Record<string, QuoteStyle> = {
  scalar: 'plain',
  'single-quoted-scalar': 'single',
  'double-quoted-scalar': 'double',
};

export function valueSlot(text: string, collection: CstCollection, entry: CstItem): ValueSlot {
  const token = entry.value;
  if (token === undefined) return emptySlot(collection, entry);
  if (token.type === 'scalar' && token.source === '') {
    const before = text[token.offset - 1];
    return { kind: 'empty', at: token.offset, lead: before === ' ' || before === '\t' ? '' : ' ' };
  }
  const style = STYLE_OF[token.type];
  if (style) {
    const scalar = token as CST.FlowScalar;
    return { kind: 'flow', start: scalar.offset, end: scalar.offset + scalar.source.length, style };
  }
  if (token.type === 'block-scalar') return blockSlot(text, token, entry);
  if (token.type === 'alias') return { kind: 'unsupported', what: 'an alias' };
  return { kind: 'unsupported', what: collectionName(token) };
}

function emptySlot(collection: CstCollection, entry: CstItem): ValueSlot {
  // Props (a tag or anchor) written without a value stay before the new value.
  const markers = [...(entry.sep ?? []), ...(collection.kind === 'seq' ? entry.start : [])].filter(
    (t) => t.type === 'map-value-ind' || t.type === 'seq-item-ind' || t.type === 'tag' || t.type === 'anchor',
  );
  const last = markers[markers.length - 1];
  if (last && 'source' in last) return { kind: 'empty', at: last.offset + last.source.length, lead: ' ' };
  const explicit = entry.start.some((t) => t.type === 'explicit-key-ind');
  if (collection.kind === 'map' && !explicit && entry.key) {
    // `{key}` in a flow mapping: the key stands alone, so the separator comes too.
    return { kind: 'empty', at: contentEnd(entry.key), lead: ': ' };
  }
  return { kind: 'unsupported', what: 'an explicit key with no value' };
}

function blockSlot(text: string, token: CST.BlockScalar, entry: CstItem): ValueSlot {
  const header = token.props.find((t) => t.type === 'block-scalar-header');
  const indicator = header && 'source' in header && header.source.startsWith('>') ? '>' : '|';
  const newline = token.props.find((t) => t.type === 'newline');
  const tailEnd = newline && 'source' in newline ? newline.offset : blockScalarBodyStart(token);
  const firstContent = /^( *)[^ \r\n]/m.exec(token.source);
  const keyColumn = entry.key ? columnOf(text, entry.key.offset) : columnOf(text, token.offset);
  return {
    kind: 'block',
    start: token.offset,
    // An empty body leaves the span at the header line, its tail included (it is written back).
    end: token.source.trim() === '' ? tailEnd : contentEnd(token),
    indicator,
    headerTail: text.slice(headerEnd(token), tailEnd),
    bodyIndent: firstContent ? firstContent[1] : ' '.repeat(keyColumn + 2),
  };
}

function collectionName(token: CST.Token): string {
  if (token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{')) return 'a mapping';
  if (token.type === 'block-seq' || token.type === 'flow-collection') return 'a list';
  return `a ${token.type}`;
}
