// `yaml` 2's CST for a text, built lexeme by lexeme so that absurd nesting is stopped long before
// yaml's parser slows down (a 64 KiB line of `[` costs it about a second) or its composer
// overflows the stack (it then reports RESOURCE_EXHAUSTION at a depth that depends on the stack).
import type { CST } from 'yaml';
import { finding, type Finding } from './finding.js';
import { MAX_YAML_DEPTH } from './limits.js';
import { MESSAGES } from './messages.js';
import { yaml2 } from './yaml2-module.js';

export interface CstParse {
  tokens: CST.Token[];
  /** Set when parsing stopped early because collections nest deeper than MAX_YAML_DEPTH. */
  tooDeep: Finding | null;
}

export function parseCst(text: string): CstParse {
  const { Lexer, Parser } = yaml2();
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document, then each open collection inside the previous one,
    // then at most a scalar: a stack this tall always holds a collection deeper than the limit.
    if (parser.stack.length > MAX_YAML_DEPTH + 2 && countCollections(parser.stack) > MAX_YAML_DEPTH) {
      return { tokens, tooDeep: depthOffenderInOpenStack(parser.stack) };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, tooDeep: null };
}

/** The first collection, in document order, nested deeper than MAX_YAML_DEPTH. */
export function findTooDeep(tokens: readonly CST.Token[]): Finding | null {
  let offset = Infinity;
  for (const token of tokens) {
    if (token.type === 'document' && token.value) offset = Math.min(offset, firstTooDeep(token.value, 0));
  }
  return offset === Infinity ? null : finding('too-deep', offset, MESSAGES.tooDeep);
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

function countCollections(stack: readonly CST.Token[]): number {
  let count = 0;
  for (const token of stack) if (isCollection(token)) count++;
  return count;
}

/**
 * While parsing, open collections sit on the stack and are linked to their parent only when
 * closed; finished ones are already linked. So each stack entry is walked on its own, at the
 * depth its open ancestors give it.
 */
function depthOffenderInOpenStack(stack: readonly CST.Token[]): Finding {
  let offset = Infinity;
  let depth = 0;
  for (const token of stack) {
    if (!isCollection(token)) continue;
    offset = Math.min(offset, firstTooDeep(token, depth));
    depth++;
  }
  return finding('too-deep', offset === Infinity ? 0 : offset, MESSAGES.tooDeep);
}

/** Smallest offset of a collection deeper than the limit under `root` (Infinity if none). */
function firstTooDeep(root: CST.Token, parentDepth: number): number {
  let best = Infinity;
  const pending: Array<[CST.Token, number]> = [[root, parentDepth]];
  while (pending.length > 0) {
    const [token, above] = pending.pop()!;
    if (!isCollection(token)) continue;
    const depth = above + 1;
    if (depth > MAX_YAML_DEPTH) {
      best = Math.min(best, token.offset);
      continue;
    }
    for (const item of token.items) {
      if (item.key) pending.push([item.key, depth]);
      if (item.value) pending.push([item.value, depth]);
    }
  }
  return best;
}
