// The safety net under every YAML edit: read before and after with the sync path's own reader
// (readYaml: the same accepted subset, so anchors, aliases, tags and merge keys are refused here
// too) and confirm that exactly the intended value changed (and an inserted key landed where
// intended), nothing else.
import { toLf } from '../../documents/text.js';
import { readYaml } from '../../documents/yaml/read.js';
import type { YamlReadOptions } from '../../documents/yaml/types.js';
import { CustodianError } from '../../errors.js';
import { formatPath, type YamlPath } from './cst-path.js';

/**
 * Plain data of a YAML text (core schema, DESIGN's subset). A text the sync path would reject is
 * refused, never edited; `role` says whether it is the text handed in or the text an edit produced.
 */
export function yamlData(text: string, role: 'input' | 'output', options: YamlReadOptions = {}): unknown {
  const read = readYaml(toLf(text), options);
  if (!read.ok) {
    const { problem } = read;
    const at = ` (line ${problem.line}, column ${problem.column})`;
    const what = role === 'input' ? 'cannot edit YAML that does not parse' : 'the edit would produce invalid YAML';
    throw new CustodianError('refused', `${what}${at}: ${problem.message.split('\n')[0]}`, {
      details: { reason: role === 'input' ? 'yaml-parse' : 'verification', line: problem.line, column: problem.column },
    });
  }
  return read.value;
}

export interface ExpectedChange {
  path: YamlPath;
  /** The value expected at `path` afterwards (a scalar, or the whole list after an append). */
  value: unknown;
  /** For an inserted key: the key it was placed after (null: at the end; undefined: the key existed). */
  insertedAfter?: string | null;
}

export function verifyYamlEdit(before: unknown, afterText: string, change: ExpectedChange): void {
  const after = yamlData(afterText, 'output');
  const expected = withValue(before, change);
  if (!sameData(expected, after)) {
    throw new CustodianError('refused', `editing ${formatPath(change.path)} would change more than that value; nothing was written`, {
      details: { reason: 'verification', path: [...change.path] },
    });
  }
}

/** `data` with the change applied, keys in the order the edit must produce. */
function withValue(data: unknown, change: ExpectedChange): unknown {
  const [head, ...rest] = change.path;
  if (rest.length > 0) {
    const container = structuredClone(data) as Record<string | number, unknown>;
    setOwn(container, head, withValue(container[head], { ...change, path: rest }));
    return container;
  }
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[head as number] = change.value;
    return copy;
  }
  const source = data === null || data === undefined ? {} : (data as Record<string, unknown>);
  const key = String(head);
  if (change.insertedAfter === undefined || Object.hasOwn(source, key)) {
    const copy = { ...source };
    setOwn(copy, key, change.value);
    return copy;
  }
  const result: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(source)) {
    setOwn(result, k, v);
    if (k === change.insertedAfter) {
      setOwn(result, key, change.value);
      placed = true;
    }
  }
  if (!placed) setOwn(result, key, change.value);
  return result;
}

/** Assignment that treats `__proto__` as a plain key, as the YAML reader does. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deep equality that also requires the same key order (an edit must not reorder keys). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key, i) => key === keysB[i] && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The value at `path` in plain data (undefined when the path leads nowhere). */
export function dataAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
