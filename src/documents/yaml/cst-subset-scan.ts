// Finds, in `yaml` 2's CST, every construct outside DESIGN's YAML subset, with its offset. The
// `yaml` 2 reader uses it for everything; the js-yaml reader for keys only (a key is a fact of
// the syntax: js-yaml's output cannot tell a key `constructor` from a value `constructor`).
// The CST it walks comes from parseCst, so it nests at most a few levels past MAX_YAML_DEPTH and
// plain recursion is safe.
import type { CST } from 'yaml';
import { finding, type Finding } from './finding.js';
import { FORBIDDEN_KEYS, MERGE_KEY } from './limits.js';
import { MESSAGES } from './messages.js';
import { isMalformedTagAt } from './tag-syntax.js';
import { yaml2 } from './yaml2-module.js';

export interface SubsetScan {
  /** Anchors, aliases and tags, in document order. */
  properties: Finding[];
  /** Merge keys and forbidden keys. */
  keys: Finding[];
  /**
   * Parse problems in both readers, where yaml 2 alone would read on: malformed tags, keys that
   * are collections (js-yaml turns them into strings such as "[object Object]", so two of them
   * are duplicates there and not in yaml 2), missing keys, keys or `:` spread over lines in flow,
   * a glued flow `?`, and content after an explicit key with no `:`.
   */
  errors: Finding[];
}

type CollectionOwner = 'block-map' | 'block-seq' | 'flow-collection';

/** `text` is the text the tokens were parsed from. */
export function scanSubset(tokens: readonly CST.Token[], text: string): SubsetScan {
  const scan: SubsetScan = { properties: [], keys: [], errors: [] };
  for (const token of tokens) visit(token);
  return scan;

  function visit(token: CST.Token | null | undefined): void {
    if (!token) return;
    switch (token.type) {
      case 'document':
        visitSources(token.start);
        visit(token.value);
        visitSources(token.end);
        return;
      case 'doc-end':
        visitSources(token.end);
        return;
      case 'alias': {
        const name = token.source.slice(1);
        scan.properties.push(finding('alias', token.offset, MESSAGES.alias(name)));
        visitSources(token.end);
        return;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        visitSources(token.end);
        return;
      case 'block-scalar':
        visitSources(token.props);
        return;
      case 'block-map':
      case 'block-seq':
        for (const item of token.items) visitItem(item, token.type);
        return;
      case 'flow-collection':
        visitSources([token.start]);
        for (const item of token.items) visitItem(item, token.type);
        visitSources(token.end);
        return;
      default:
        visitSources([token]);
    }
  }

  function visitItem(item: CST.CollectionItem, owner: CollectionOwner): void {
    visitSources(item.start);
    if (owner === 'block-map' && item.value && !item.sep?.some((t) => t.type === 'map-value-ind')) {
      // `? key` then more-indented content with no `:`: yaml 2's parser files the content as the
      // value and its composer drops it; js-yaml fails. Both readers reject it.
      scan.errors.push(finding('syntax', item.value.offset, MESSAGES.valueWithoutIndicator));
    }
    if ('key' in item && item.key !== undefined) {
      checkKey(item, owner);
      visit(item.key);
    }
    visitSources(item.sep);
    if (owner === 'flow-collection') checkFlowEntry(item);
    visit(item.value);
  }

  /**
   * YAML lets a flow mapping's key span lines, and its `:` follow the key on a later line; js-yaml
   * reads an implicit key only on one line. Both readers reject both.
   */
  function checkFlowEntry(item: CST.CollectionItem): void {
    const question = item.start.find((t) => t.type === 'explicit-key-ind');
    if (question && !/^[ \t\r\n]/.test(text.charAt(question.offset + 1))) {
      // `[?]`: yaml 2 reads an empty explicit key; YAML and js-yaml need white space after `?`.
      scan.errors.push(finding('syntax', question.offset, MESSAGES.explicitKeyIndicator));
      return;
    }
    if (!item.sep || question) return;
    const key = item.key;
    if (key && 'source' in key && /[\r\n]/.test(key.source)) {
      scan.errors.push(finding('syntax', key.offset, MESSAGES.multiLineKey));
      return;
    }
    const colon = item.sep.findIndex((t) => t.type === 'map-value-ind');
    if (colon > 0 && item.sep.slice(0, colon).some((t) => t.type === 'newline')) {
      scan.errors.push(finding('syntax', item.sep[colon]!.offset, MESSAGES.valueIndicatorOnNewLine));
    }
  }

  function visitSources(list: readonly CST.Token[] | undefined): void {
    if (!list) return;
    for (const token of list) {
      if (token.type === 'anchor') {
        const name = token.source.slice(1);
        scan.properties.push(finding('anchor', token.offset, MESSAGES.anchor(name)));
      } else if (token.type === 'tag') {
        scan.properties.push(finding('tag', token.offset, MESSAGES.tag(token.source)));
        if (isMalformedTagAt(text, token.offset)) scan.errors.push(finding('syntax', token.offset, MESSAGES.malformedTag(token.source)));
      }
    }
  }

  function checkKey(item: CST.CollectionItem, owner: CollectionOwner): void {
    const key = item.key;
    if (!key) {
      // `: value` with no key: js-yaml cannot read it, yaml 2 reads a null key. Reject it.
      const explicit = item.start.some((t) => t.type === 'explicit-key-ind');
      const colon = item.sep?.find((t) => t.type === 'map-value-ind');
      if (!explicit && colon && owner === 'block-map') scan.errors.push(finding('syntax', colon.offset, MESSAGES.missingKey));
      return;
    }
    if (key.type === 'block-map' || key.type === 'block-seq' || key.type === 'flow-collection') {
      scan.errors.push(finding('syntax', key.offset, MESSAGES.complexKey));
      return;
    }
    if (key.type === 'alias') return;
    const resolved = yaml2().CST.resolveAsScalar(key, true, () => {});
    if (!resolved) return;
    if (resolved.value === MERGE_KEY) scan.keys.push(finding('merge-key', key.offset, MESSAGES.mergeKey));
    else if (FORBIDDEN_KEYS.has(resolved.value)) scan.keys.push(finding('forbidden-key', key.offset, MESSAGES.forbiddenKey(resolved.value)));
  }
}
