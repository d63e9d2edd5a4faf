// Writing a value as YAML source that reads back as exactly that value, in the style the
// document already uses where that is safe: a string that would read back as another type
// (`true`, `123`, `null`, ``) or break the syntax is quoted.
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

export type ScalarValue = string | number | boolean | null;
export type QuoteStyle = 'plain' | 'single' | 'double';

/** Renders a value for a flow-scalar position (after `key: `, after `- `, inside `[…]`/`{…}`). */
export function renderScalar(value: ScalarValue, preferred: QuoteStyle, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return renderNumber(value);
  if (preferred === 'plain' && isSafePlain(value, 'value', inFlow)) return value;
  if (preferred === 'single' && canSingleQuote(value)) return `'${value.replace(/'/g, "''")}'`;
  return doubleQuote(value);
}

/** A mapping key: plain when it reads back as the same string, else double-quoted. */
export function renderKey(key: string, inFlow: boolean): string {
  return isSafePlain(key, 'key', inFlow) ? key : doubleQuote(key);
}

function renderNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  // String(-0) is "0", which reads back as +0.
  if (Object.is(value, -0)) return '-0.0';
  return String(value);
}

// YAML's printable set (c-printable) minus line breaks; tab is allowed inside quotes.
const NON_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]/u;
const LINE_BREAK = /[\n\r]/;

function canSingleQuote(value: string): boolean {
  // Line breaks fold inside single quotes, so they could not be written back as they are.
  return !LINE_BREAK.test(value) && !NON_PRINTABLE.test(value);
}

/**
 * JSON string escapes are a subset of YAML's double-quoted escapes; what JSON leaves raw but
 * YAML does not accept as printable (DEL, C1 controls, U+FFFE/U+FFFF) is escaped too.
 */
export function doubleQuote(value: string): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PLAIN_SHAPE_BREAKERS = /:[ \t]|[ \t]#|:$|^[ \t]|[ \t]$|[\n\r]/;
const FLOW_INDICATORS = /[,[\]{}]/;
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;

/**
 * True when `text` written plain reads back as the same string in the core schema. A cheap
 * shape test rules out most unsafe strings; the rest is decided by the parser itself, which
 * also knows every scalar that would resolve to a number, boolean or null.
 */
export function isSafePlain(text: string, role: 'key' | 'value', inFlow: boolean): boolean {
  if (text === '' || PLAIN_SHAPE_BREAKERS.test(text) || NON_PRINTABLE.test(text) || text.includes('\t')) return false;
  if (inFlow && FLOW_INDICATORS.test(text)) return false;
  // `-x`, `?x`, `:x` may start a plain scalar; any other indicator may not.
  if (INDICATOR_FIRST.test(text) && !(/^[-?:]/.test(text) && text.length > 1 && !/^[-?:][ \t]/.test(text))) return false;
  const snippet = role === 'value' ? (inFlow ? `[${text}]` : `k: ${text}`) : inFlow ? `{${text}: v}` : `${text}: v`;
  const doc = parseDocument(snippet, { schema: 'core', logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const contents = doc.contents;
  if (!isMap(contents) && !isSeq(contents)) return false;
  const first = contents.items[0] as unknown;
  const node = role === 'key' ? (isPair(first) ? first.key : null) : isPair(first) ? first.value : first;
  return contents.items.length === 1 && isScalar(node) && node.value === text;
}

/**
 * A block scalar (`|` or `>`) holding `value`, the body indented by `indent`, or null when the
 * value needs what this writer does not do (an indentation indicator for a leading space, keep
 * chomping for trailing blank lines, escapes for control characters).
 */
export function renderBlockScalar(value: string, indicator: '|' | '>', indent: string, eol: string): string | null {
  if (value === '' || /^[ \t\n]/.test(value) || value.endsWith('\n\n') || value.includes('\r') || NON_PRINTABLE.test(value)) return null;
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  const lines = body.split('\n');
  // Folding would join the lines of a multi-line value: write those literally.
  const style = lines.length > 1 ? '|' : indicator;
  const chomp = value.endsWith('\n') ? '' : '-';
  return `${style}${chomp}${lines.map((line) => eol + (line === '' ? '' : indent + line)).join('')}`;
}
