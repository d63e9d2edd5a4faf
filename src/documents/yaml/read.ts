// The sync path's YAML reader: js-yaml 4 under the YAML 1.2 core schema, held to DESIGN's subset
// (no anchors, aliases, tags, merge keys, duplicate keys, prototype keys; bounded size and depth).
//
// Most blocks contain none of the characters a violation needs and go straight to js-yaml with no
// listener (the fast path). A block containing one of them is composed under a listener that
// notes what js-yaml's output cannot show, and the few constructs js-yaml misreads are handed to
// the yaml 2 reader. The problem reported is the earliest parse problem (what js-yaml throws or
// warns about, and what the listener adds where js-yaml is laxer than yaml 2); failing that, a
// document that is a single value; failing that, the earliest subset violation.
// readYamlWithYaml2 follows the same order, so both readers report the same kind of problem, and
// for subset violations at the same place.
import type { Schema } from 'js-yaml';
import { parseCst } from './cst-parse.js';
import { scanSubset, type SubsetScan } from './cst-subset-scan.js';
import { findDirective, findNonPrintable, findSecondDocument, isEmptyDocument, rootScalarProblem } from './document-markers.js';
import { earliest, finding, rejected, unexpectedFailure, type Finding } from './finding.js';
import { SubsetListener } from './jsyaml-listener.js';
import { jsYaml } from './jsyaml-module.js';
import { core12AnyTagSchema, core12Schema } from './jsyaml-schema.js';
import { exceedsMaxBytes, MAX_YAML_DEPTH } from './limits.js';
import { MESSAGES } from './messages.js';
import { readFlatMapping } from './read-flat.js';
import { readYamlWithYaml2 } from './read-yaml2.js';
import { skipSeparation } from './text-position.js';
import { MAX_YAML_BYTES, type YamlReadOptions, type YamlReadResult } from './types.js';

/**
 * Constructs js-yaml reads differently from yaml 2, which the listener cannot see: a comment
 * glued to a closing quote or bracket (`"a"#c`: an error in YAML, a comment to js-yaml); an empty
 * sequence entry (`-` alone), after which js-yaml wrongly takes the next, less indented `- item`
 * into the inner sequence; a block scalar with an explicit indentation (`|2`, `>1-`), whose
 * blank-looking lines the two read differently. These texts are read by the yaml 2 reader.
 */
const JS_YAML_MISREADS = /["'\]}]#|^[ \t]*(?:-[ \t]+)*-[ \t]*(?:#.*)?$|(?:^|[ \t])[|>][-+]?[1-9]/m;

/**
 * A cheap filter: a text none of these match cannot hold a subset violation or a misread, and goes
 * to js-yaml alone. Properties, aliases and explicit keys start a token, so `&`, `*`, `!` and `?`
 * count only after white space, `[`, `{` or `,` ("R&D", "done!" and "why?" do not); a forbidden key
 * spelled with escapes needs `\x`, `\u`, `\U` or an escaped line break; a collection used as a
 * key needs `]:` or `}:`; the misreads need a glued `#`, a line ending in `-` or a `|` or `>`
 * followed by a digit; any surrogate
 * (the exact test for a lone one comes later) or non-printable character counts too.
 */
const MAY_VIOLATE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]|(?:^|[\s[{,])[&*!?]|\\[xuU\r\n]|[\]}][ \t]*:|["'\]}]#|-[ \t]*(?:[\r\n]|$)|[|>][-+]?[1-9]/;
const FORBIDDEN_WORDS = ['<<', '__proto__', 'constructor', 'prototype'];

function mayViolate(text: string): boolean {
  return MAY_VIOLATE.test(text) || FORBIDDEN_WORDS.some((word) => text.includes(word));
}

/** js-yaml's recursion bound when the exact depth rule must be checked: far below a stack overflow. */
const DEPTH_BACKSTOP = 2 * MAX_YAML_DEPTH;

interface Attempt {
  value?: unknown;
  /** What js-yaml threw. */
  problem: Finding | null;
  /** js-yaml stopped at its maxDepth. */
  depthExceeded: boolean;
  /**
   * js-yaml warned (it only warns of "deficient indentation" here). yaml 2 fails most of these
   * texts and accepts some (a flow collection's closing bracket at its parent's indentation), by
   * rules that only its parser knows, so these rare texts are read by the yaml 2 reader.
   */
  warned: boolean;
}

export function readYaml(text: string, options: YamlReadOptions = {}): YamlReadResult {
  try {
    return read(text, options);
  } catch (error) {
    return rejected(text, unexpectedFailure(error));
  }
}

function read(text: string, options: YamlReadOptions): YamlReadResult {
  const flat = readFlatMapping(text);
  if (flat) return flat;
  const max = options.maxBytes ?? MAX_YAML_BYTES;
  if (exceedsMaxBytes(text, max)) return rejected(text, finding('too-large', 0, MESSAGES.tooLarge(max)));
  const directive = findDirective(text);
  if (directive) return rejected(text, directive);

  if (startsWithGluedMarker(text)) return readYamlWithYaml2(text, options);
  if (!mayViolate(text)) {
    const fast = attempt(text, core12Schema(), MAX_YAML_DEPTH, null);
    if (fast.warned) return readYamlWithYaml2(text, options);
    if (fast.depthExceeded) {
      // js-yaml counts every node it composes, scalars and nested attempts included, so its limit
      // can trip below the written depth the rule counts: decide with the listener.
      return readWithListener(text, false, DEPTH_BACKSTOP, options);
    }
    if (fast.problem) return rejected(text, fast.problem);
    return isCollectionOrEmpty(text, fast.value) ? { ok: true, value: fast.value } : rejected(text, rootScalarProblem(text));
  }
  const unprintable = findNonPrintable(text);
  if (unprintable) return rejected(text, unprintable);
  if (JS_YAML_MISREADS.test(text)) return readYamlWithYaml2(text, options);
  return readWithListener(text, true, MAX_YAML_DEPTH, options);
}

/**
 * js-yaml takes `---` at the start of the document for a marker even when text follows it
 * (`---b: 1`); YAML and yaml 2 read a plain scalar `---b`. Such a text is read by yaml 2.
 */
function startsWithGluedMarker(text: string): boolean {
  const start = skipSeparation(text, 0);
  return text.startsWith('---', start) && !/^[\s]?$/.test(text.charAt(start + 3)) && (start === 0 || /[\r\n]/.test(text.charAt(start - 1)));
}

function readWithListener(text: string, properties: boolean, maxDepth: number, options: YamlReadOptions): YamlReadResult {
  const depth = maxDepth !== MAX_YAML_DEPTH;
  const listener = new SubsetListener(text, { properties, depth });
  const result = attempt(text, properties ? core12AnyTagSchema() : core12Schema(), maxDepth, listener);
  if (result.warned || listener.propertiesSpanLines) return readYamlWithYaml2(text, options);
  if (result.depthExceeded) {
    if (!depth) return readWithListener(text, properties, DEPTH_BACKSTOP, options);
    listener.noteBackstop();
  }
  const keys: SubsetScan | null = listener.keyCandidate ? scanKeys(text) : null;
  const parseProblem = earliest(result.problem, listener.tooDeep, listener.parseProblem, keys?.errors);
  if (parseProblem) return rejected(text, parseProblem);
  if (result.depthExceeded) return rejected(text, finding('too-deep', 0, MESSAGES.tooDeep));
  if (!isCollectionOrEmpty(text, result.value)) return rejected(text, rootScalarProblem(text));
  const violation = earliest(listener.firstProperty, keys?.keys);
  return violation ? rejected(text, violation) : { ok: true, value: result.value };
}

function attempt(text: string, schema: Schema, maxDepth: number, listener: SubsetListener | null): Attempt {
  let warned = false;
  const options = {
    schema,
    maxDepth,
    onWarning: () => {
      warned = true;
    },
    ...(listener ? { listener: listener.listen } : {}),
  };
  try {
    // An empty or comment-only text is an empty document: null, as yaml 2 reads it.
    const value = jsYaml().load(text, options) ?? null;
    return { value, problem: null, depthExceeded: false, warned };
  } catch (error) {
    if (isDepthError(error)) return { problem: null, depthExceeded: true, warned };
    return { problem: fromJsYamlError(text, error, listener), depthExceeded: false, warned };
  }
}

function isCollectionOrEmpty(text: string, value: unknown): boolean {
  return (typeof value === 'object' && value !== null) || isEmptyDocument(text);
}

/** Keys are a fact of the syntax; only yaml 2's CST shows them with their positions. */
function scanKeys(text: string): SubsetScan | null {
  const source = text.replace(/\r(?!\n)/g, '\n');
  const cst = parseCst(source);
  return cst.tooDeep ? null : scanSubset(cst.tokens, source);
}

function isDepthError(error: unknown): boolean {
  return error instanceof jsYaml().YAMLException && error.reason.startsWith('nesting exceeded maxDepth');
}

function fromJsYamlError(text: string, error: unknown, listener: SubsetListener | null): Finding {
  if (!(error instanceof jsYaml().YAMLException)) return unexpectedFailure(error);
  const reason = error.reason;
  const offset = Math.min(error.mark?.position ?? 0, text.length);
  if (reason.startsWith('expected a single document')) return findSecondDocument(text);
  if (reason === 'duplicated mapping key') return finding('duplicate-key', skipSeparation(text, offset), 'duplicated mapping key');
  if (reason.startsWith('unidentified alias')) {
    // Only if acceptUnknownAliases could not reach js-yaml's anchor map.
    const start = listener && text.charCodeAt(listener.lastNodeStart) === 0x2a ? listener.lastNodeStart : offset;
    return finding('alias', start, reason);
  }
  // Malformed anchors and tags are syntax errors, as in yaml 2; well-formed ones are violations
  // the listener finds by position.
  return finding('syntax', offset, reason);
}
