// The outcome of reading one YAML document (front-matter or task block) under DESIGN's accepted
// subset: YAML 1.2 core schema, no anchors, aliases, tags or merge keys, no duplicate keys,
// no __proto__/constructor/prototype keys, at most 64 KiB.

export type YamlProblemKind =
  | 'syntax'
  | 'duplicate-key'
  | 'anchor'
  | 'alias'
  | 'tag'
  | 'merge-key'
  | 'forbidden-key'
  | 'too-deep'
  | 'too-large';

export interface YamlProblem {
  kind: YamlProblemKind;
  message: string;
  /** 1-based line and column inside the YAML text. */
  line: number;
  column: number;
}

export type YamlReadResult = { ok: true; value: unknown } | { ok: false; problem: YamlProblem };

export const MAX_YAML_BYTES = 64 * 1024;

export interface YamlReadOptions {
  /** Largest accepted text in UTF-8 bytes (default MAX_YAML_BYTES; the registry, one file, allows more). */
  maxBytes?: number;
}
