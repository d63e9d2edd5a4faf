// Plain data from a composed `yaml` 2 document, the way js-yaml builds it: objects with
// Object.prototype and own data keys only, keys turned into strings as js-yaml turns them.
// Called only on documents that passed the subset checks: no aliases, no collection keys, no
// forbidden keys, nesting bounded.
import type { Node as YamlNode, Pair } from 'yaml';
import { yaml2 } from './yaml2-module.js';

export function toPlainValue(node: unknown): unknown {
  const { isMap, isSeq, isScalar } = yaml2();
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value ?? null;
  if (isSeq(node)) return node.items.map((item) => toPlainValue(item));
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      Object.defineProperty(object, keyString(pair.key), {
        value: toPlainValue(pair.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  throw new Error(`unexpected YAML node ${String((node as YamlNode).constructor?.name)}`);
}

/**
 * A key as js-yaml writes it: String() of the scalar's value. A null key (`~:`, `null:` or an
 * explicit empty key) is "null" there and "" in yaml 2's toJS; js-yaml's spelling wins.
 */
export function keyString(key: unknown): string {
  const { isScalar } = yaml2();
  const value = isScalar(key) ? key.value : key;
  return value === null || value === undefined ? 'null' : String(value);
}
