// The common case of locating a value without a YAML parser: a top-level `key: value` line of a
// block mapping whose value is a plain one-line scalar. Anything else (quotes, flow collections,
// comments, nesting, a key written twice) returns null and goes to locateKey (yaml 2), which
// costs a full parse; a test holds that both agree wherever this answers.

export interface FastSpan {
  start: number;
  end: number;
}

const SIMPLE_VALUE = /^[A-Za-z0-9_.+\-/][A-Za-z0-9_.+\-/: ]*$/;

/** The value span of top-level `key` (the key's span when the value is empty), or null. */
export function fastLocate(yaml: string, key: string): FastSpan | null {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return null;
  let found: FastSpan | null = null;
  let at = 0;
  while (at <= yaml.length) {
    const lineEnd = nextBreak(yaml, at);
    if (yaml.startsWith(key, at) && yaml.charCodeAt(at + key.length) === 58 /* : */) {
      if (found) return null; // a second one: let the parser decide
      const afterColon = at + key.length + 1;
      const c = yaml.charCodeAt(afterColon);
      if (afterColon < lineEnd && c !== 32 && c !== 9) return null;
      let start = afterColon;
      while (start < lineEnd && (yaml.charCodeAt(start) === 32 || yaml.charCodeAt(start) === 9)) start++;
      let end = lineEnd;
      while (end > start && (yaml.charCodeAt(end - 1) === 32 || yaml.charCodeAt(end - 1) === 9)) end--;
      const value = yaml.slice(start, end);
      if (value === '') {
        if (continues(yaml, lineEnd)) return null; // a nested block follows
        found = { start: at, end: at + key.length };
      } else if (SIMPLE_VALUE.test(value) && !/: /.test(value) && !value.endsWith(':') && !continues(yaml, lineEnd)) {
        // An indented line after a plain value would continue it: `continues` declines that too.
        found = { start, end };
      } else {
        return null;
      }
    }
    at = skipBreak(yaml, lineEnd);
    if (at === lineEnd) break;
  }
  return found;
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function skipBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  if (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13) return at + 1;
  return at;
}

/** True when the next non-blank line is indented or a `- ` item: the value goes on below the key's line. */
function continues(text: string, lineEnd: number): boolean {
  let at = skipBreak(text, lineEnd);
  while (at < text.length) {
    const end = nextBreak(text, at);
    const line = text.slice(at, end);
    if (line.trim() !== '') return /^[ \t]/.test(line) || /^-( |$)/.test(line);
    const next = skipBreak(text, end);
    if (next === end) break;
    at = next;
  }
  return false;
}
