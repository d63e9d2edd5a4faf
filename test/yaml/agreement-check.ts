// What "the two readers agree" means, shared by the agreement tests.
import type { YamlProblemKind, YamlReadResult } from '../../src/documents/yaml/types.js';

/**
 * Problems the parsers themselves find. Which of them comes first depends on where each library
 * notices a broken construct (js-yaml stops at its first error; yaml 2 collects them all and
 * places some at the start of the broken collection), so they form one class.
 */
const PARSE_CLASS: ReadonlySet<YamlProblemKind> = new Set(['syntax', 'duplicate-key', 'too-deep']);

export function kindClass(kind: YamlProblemKind): string {
  return PARSE_CLASS.has(kind) ? 'parse' : kind;
}

/** Deep equality that tells -0 from 0, requires plain objects, and sees NaN as NaN. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return false;
  return keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A description of how two results differ, or null when they agree. */
export function disagreement(jsYaml: YamlReadResult, yaml2: YamlReadResult): string | null {
  if (jsYaml.ok !== yaml2.ok) return `ok: js-yaml ${describe(jsYaml)} / yaml 2 ${describe(yaml2)}`;
  if (jsYaml.ok && yaml2.ok) return sameValue(jsYaml.value, yaml2.value) ? null : `value: ${describe(jsYaml)} / ${describe(yaml2)}`;
  if (!jsYaml.ok && !yaml2.ok && kindClass(jsYaml.problem.kind) !== kindClass(yaml2.problem.kind)) {
    return `kind: js-yaml ${describe(jsYaml)} / yaml 2 ${describe(yaml2)}`;
  }
  return null;
}

export function describe(result: YamlReadResult): string {
  if (result.ok) return `ok ${JSON.stringify(result.value)}`;
  const { kind, line, column, message } = result.problem;
  return `${kind} ${line}:${column} (${message})`;
}
