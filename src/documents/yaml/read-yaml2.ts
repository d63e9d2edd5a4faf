// The `yaml` 2 twin of readYaml: the check the byte-preserving editor runs. It must accept and
// reject exactly what readYaml does and produce the same values (test/yaml/agreement.test.ts).
//
// It does what parseDocument(text, { schema: 'core', uniqueKeys, merge: false, logLevel: 'error' })
// does, in its parts: the CST is built lexeme by lexeme so that deep nesting stops early
// (parseDocument on 20,000 unclosed `[` ran out of memory formatting its errors), and the
// composer runs on that CST. Values are built here rather than by toJS, from documents that have
// no aliases left, so maxAliasCount (kept at its default) is never reached.
//
// Order of checks, as in readYaml: size, directive, non-printable characters; then the earliest
// parse problem (yaml 2's errors and warnings, a second document, collections nested too deep,
// a malformed tag, a collection or a missing key, a key or `:` spread over lines); then a
// document that is a single value; then the earliest subset violation (anchor, alias, tag,
// merge key, forbidden key).
import type { CST, Document } from 'yaml';
import { scanSubset } from './cst-subset-scan.js';
import { findTooDeep, parseCst } from './cst-parse.js';
import { findDirective, findNonPrintable, isEmptyDocument, rootScalarProblem } from './document-markers.js';
import { earliest, finding, rejected, unexpectedFailure, type Finding } from './finding.js';
import { exceedsMaxBytes } from './limits.js';
import { MESSAGES } from './messages.js';
import { MAX_YAML_BYTES, type YamlReadOptions, type YamlReadResult } from './types.js';
import { yaml2Findings } from './yaml2-errors.js';
import { keyString, toPlainValue } from './yaml2-value.js';
import { yaml2 } from './yaml2-module.js';

export function readYamlWithYaml2(text: string, options: YamlReadOptions = {}): YamlReadResult {
  try {
    return read(text, options);
  } catch (error) {
    return rejected(text, unexpectedFailure(error));
  }
}

function read(text: string, options: YamlReadOptions): YamlReadResult {
  const max = options.maxBytes ?? MAX_YAML_BYTES;
  if (exceedsMaxBytes(text, max)) return rejected(text, finding('too-large', 0, MESSAGES.tooLarge(max)));
  const shape = findDirective(text) ?? findNonPrintable(text);
  if (shape) return rejected(text, shape);

  // yaml 2 reads a lone `\r` as content, YAML 1.2 and js-yaml as a line break; a `\n` in its place
  // keeps every offset.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const cst = parseCst(source);
  if (cst.tooDeep) return rejected(text, earliest(cst.tooDeep, cstErrors(cst.tokens))!);

  const documents = compose(source, cst.tokens);
  const document = documents[0];
  const scan = scanSubset(cst.tokens, source);
  const parseProblem = earliest(
    document ? yaml2Findings(document.errors, document.warnings) : null,
    documents[1] ? finding('syntax', documents[1].range[0], MESSAGES.multipleDocuments) : null,
    findTooDeep(cst.tokens),
    scan.errors,
  );
  if (parseProblem) return rejected(text, parseProblem);
  const { isMap, isSeq } = yaml2();
  const root = document?.contents;
  if (!isMap(root) && !isSeq(root) && !isEmptyDocument(text)) return rejected(text, rootScalarProblem(text));
  const violation = earliest(scan.properties, scan.keys);
  if (violation) return rejected(text, violation);
  return { ok: true, value: document ? toPlainValue(document.contents) : null };
}

function compose(source: string, tokens: readonly CST.Token[]): Document.Parsed[] {
  const composer = new (yaml2().Composer)({
    schema: 'core',
    merge: false,
    logLevel: 'error',
    // Keys are equal when js-yaml would store them under the same property: `1` and `"1"`,
    // `null` and `~`, `.nan` and `.NaN` are duplicates there, and must be here.
    uniqueKeys: (a, b) => keyString(a) === keyString(b),
  });
  return [...composer.compose(tokens, true, source.length)];
}

function cstErrors(tokens: readonly CST.Token[]): Finding[] {
  return tokens.flatMap((token) => (token.type === 'error' ? [finding('syntax', token.offset, token.message)] : []));
}
