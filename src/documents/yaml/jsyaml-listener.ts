// Watches js-yaml compose a text (its `listener` option) for what its output cannot show:
// anchors, aliases and tags (by the character each node starts with), scalars that may be
// forbidden or merge keys and collections that may be keys (left to the CST scan to confirm), how
// deep written collections nest, and the few constructs js-yaml reads where yaml 2 fails
// (malformed tags, names ending in `:`, a mapping on its key's line, properties over two lines).
import type { State } from 'js-yaml';
import { finding, type Finding } from './finding.js';
import { FORBIDDEN_KEYS, MAX_YAML_DEPTH, MERGE_KEY } from './limits.js';
import { MESSAGES } from './messages.js';
import { isMalformedTagAt } from './tag-syntax.js';
import { skipProperties, skipSeparation } from './text-position.js';

export interface ListenerOptions {
  properties: boolean;
  depth: boolean;
}

export class SubsetListener {
  /** The earliest anchor, alias or tag. */
  firstProperty: Finding | null = null;
  /** Set when a scalar or collection may be a key the subset forbids; the CST scan decides. */
  keyCandidate = false;
  /** The earliest collection nested deeper than MAX_YAML_DEPTH. */
  tooDeep: Finding | null = null;
  /** A parse problem js-yaml lets through and yaml 2 does not. */
  parseProblem: Finding | null = null;
  /** Where the most recently opened node starts, properties included. */
  lastNodeStart = 0;
  /**
   * A node's properties continue on a later line (`a: &x` then `!t` alone on the next line):
   * js-yaml gives them all to the node whatever their indentation, yaml 2 gives the later ones to
   * the next node. Such a text is left to the yaml 2 reader.
   */
  propertiesSpanLines = false;

  // The open nodes, innermost last, as parallel arrays so that no node allocates: where each
  // starts (properties included), where its content starts, and how many written collections
  // enclose and include it if it is one.
  private readonly raws: number[] = [];
  private readonly starts: number[] = [];
  private readonly levels: number[] = [];

  constructor(
    private readonly text: string,
    private readonly options: ListenerOptions,
  ) {}

  readonly listen = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      if (this.options.properties && this.raws.length === 0) acceptUnknownAliases(state);
      this.open(state.position);
    } else {
      this.close(state);
    }
  };

  /** js-yaml stopped at its depth backstop: the open path itself is too deep. */
  noteBackstop(): void {
    const at = this.levels.findIndex((level) => level > MAX_YAML_DEPTH);
    if (at >= 0) this.noteTooDeep(this.starts[at]!);
  }

  private open(position: number): void {
    const start = skipSeparation(this.text, position);
    this.lastNodeStart = start;
    if (this.options.properties) this.checkProperty(start);
    const contentStart = skipProperties(this.text, start);
    if (contentStart !== start && this.options.properties && PROPERTY_ON_LATER_LINE.test(this.text.slice(start, contentStart))) {
      this.propertiesSpanLines = true;
    }
    const top = this.raws.length - 1;
    // A node js-yaml composes inside another that starts at the same character is the same
    // node (it reads a block mapping's first key, or a scalar, as a nested attempt).
    const level = top < 0 ? 1 : this.starts[top] === contentStart ? this.levels[top]! : this.levels[top]! + 1;
    this.raws.push(start);
    this.starts.push(contentStart);
    this.levels.push(level);
  }

  private close(state: State): void {
    if (this.raws.length === 0) return;
    const raw = this.raws.pop()!;
    const start = this.starts.pop()!;
    const level = this.levels.pop()!;
    const kind = state.kind;
    const isCollection = kind === 'mapping' || kind === 'sequence';
    if (this.options.depth && isCollection && level > MAX_YAML_DEPTH) this.noteTooDeep(start);
    if (!this.options.properties) return;
    if (kind === 'mapping' && raw !== start && this.startsOnKeyLine(raw, start)) {
      // `key: &a inner: value` is a block mapping on its key's line, which YAML forbids; js-yaml
      // reads it because of the properties, yaml 2 refuses it.
      this.noteParseProblem(raw, MESSAGES.compactMappingAfterProperties);
    }
    if (kind === 'scalar') {
      const result: unknown = state.result;
      if (typeof result === 'string' && mayBeForbiddenKey(result)) this.keyCandidate = true;
    } else if (isCollection && this.mayBeKey(raw, state.position)) {
      this.keyCandidate = true;
    }
  }

  private startsOnKeyLine(raw: number, start: number): boolean {
    if (this.text.charCodeAt(start) === 0x7b /* { */) return false;
    if (/[\r\n]/.test(this.text.slice(raw, start))) return false;
    let j = raw - 1;
    while (j >= 0 && (this.text.charCodeAt(j) === 0x20 || this.text.charCodeAt(j) === 0x09)) j--;
    return j >= 0 && this.text.charCodeAt(j) === 0x3a /* : */;
  }

  private checkProperty(start: number): void {
    const ch = this.text.charCodeAt(start);
    if (ch !== 0x26 /* & */ && ch !== 0x2a /* * */ && ch !== 0x21 /* ! */) return;
    const token = this.text.slice(start, propertyEnd(this.text, start));
    if (ch === 0x21 && isMalformedTagAt(this.text, start)) this.noteParseProblem(start, MESSAGES.malformedTag(token));
    // yaml 2 reads `&a:` and `*a:` differently from js-yaml (and warns that they are ambiguous).
    if (ch !== 0x21 && token.endsWith(':')) this.noteParseProblem(start, MESSAGES.ambiguousName(token));
    if (this.firstProperty !== null && this.firstProperty.offset <= start) return;
    this.firstProperty =
      ch === 0x26
        ? finding('anchor', start, MESSAGES.anchor(token.slice(1)))
        : ch === 0x2a
          ? finding('alias', start, MESSAGES.alias(token.slice(1)))
          : finding('tag', start, MESSAGES.tag(token));
  }

  /** A collection followed by `:` on its line, or one whose composing began right after `?`. */
  private mayBeKey(start: number, end: number): boolean {
    let i = end;
    while (this.text.charCodeAt(i) === 0x20 || this.text.charCodeAt(i) === 0x09) i++;
    if (this.text.charCodeAt(i) === 0x3a /* : */) return true;
    // A comment between `?` and its key hides the `?` from this look-back; see the report.
    let j = start - 1;
    while (j >= 0 && isSpaceOrBreak(this.text.charCodeAt(j))) j--;
    return j >= 0 && this.text.charCodeAt(j) === 0x3f /* ? */;
  }

  private noteParseProblem(offset: number, message: string): void {
    if (this.parseProblem === null || offset < this.parseProblem.offset) this.parseProblem = finding('syntax', offset, message);
  }

  private noteTooDeep(start: number): void {
    if (this.tooDeep === null || start < this.tooDeep.offset) this.tooDeep = finding('too-deep', start, MESSAGES.tooDeep);
  }
}

/**
 * js-yaml throws at an alias whose anchor it has not seen, and stops there; yaml 2 composes on.
 * An alias is a subset violation either way, found by position, so js-yaml is made to read an
 * unknown alias as null and go on to whatever parse problem follows, as yaml 2 does. This reaches
 * into js-yaml's State (its per-document `anchorMap`); if that field ever moves, js-yaml throws
 * as before and the reader still rejects the text, as an alias problem.
 */
function acceptUnknownAliases(state: State): void {
  const internal = state as State & { anchorMap?: Record<string, unknown> };
  const anchors = internal.anchorMap;
  if (anchors === undefined || anchors === null || typeof anchors !== 'object') return;
  internal.anchorMap = new Proxy(anchors, {
    getOwnPropertyDescriptor: (target, name) =>
      Reflect.getOwnPropertyDescriptor(target, name) ?? { value: null, writable: true, enumerable: true, configurable: true },
    get: (target, name) => (Object.prototype.hasOwnProperty.call(target, name) ? Reflect.get(target, name) : null),
    set: (target, name, value) => Reflect.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true }),
  });
}

const PROPERTY_ON_LATER_LINE = /[\r\n][ \t]*(?:#[^\r\n]*[\r\n][ \t]*)*[!&]/;

function mayBeForbiddenKey(value: string): boolean {
  // Every forbidden key is 2 to 11 characters long: most scalars fail this before a lookup.
  return value.length >= 2 && value.length <= 11 && (FORBIDDEN_KEYS.has(value) || value === MERGE_KEY);
}

function isSpaceOrBreak(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

function propertyEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && !/[\s,[\]{}]/.test(text[i]!)) i++;
  return i;
}
