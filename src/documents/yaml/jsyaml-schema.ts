// The YAML 1.2 core schema for js-yaml, resolved exactly as `yaml` 2's 'core' schema resolves it.
//
// js-yaml's CORE_SCHEMA is looser than YAML 1.2 core in ways that change values, so both readers
// would disagree: it reads `0b101`, `+0x1F`, `-0o14` as numbers (1.2 core: strings), `+.5` and
// `-.5e+2` as strings (1.2 core: numbers) and `-0` as 0 (yaml 2: -0). These types use the
// regular expressions of the YAML 1.2 spec (10.3.2), which are also yaml 2's. The schemas are made
// on first use, with js-yaml itself (jsyaml-module.ts); the flat reader needs only resolveCorePlain.
import type { Schema, Type } from 'js-yaml';
import { jsYaml } from './jsyaml-module.js';

// Every plain scalar is offered to each type in turn, so each rejects a word by its first
// character before trying a regular expression.
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Numbers start with a digit, a sign or a dot. */
function mayBeNumber(data: string): boolean {
  const ch = data.charCodeAt(0);
  return (ch >= 0x30 && ch <= 0x39) || ch === 0x2b || ch === 0x2d || ch === 0x2e;
}

const isNull = (data: string) => data === '' || data === '~' || data === 'null' || data === 'Null' || data === 'NULL';
const isBool = (data: string) => data === 'true' || data === 'True' || data === 'TRUE' || data === 'false' || data === 'False' || data === 'FALSE';
const isInt = (data: string) => mayBeNumber(data) && (INT.test(data) || INT_OCT.test(data) || INT_HEX.test(data));
const isFloat = (data: string) => mayBeNumber(data) && (FLOAT.test(data) || FLOAT_SPECIAL.test(data));
const toBool = (data: string) => data[0] === 't' || data[0] === 'T';
const toInt = (data: string) =>
  data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10);
function toFloat(data: string): number {
  if (!FLOAT_SPECIAL.test(data)) return parseFloat(data);
  if (data.endsWith('nan') || data.endsWith('NaN') || data.endsWith('NAN')) return NaN;
  return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** The value of an untagged plain scalar under the core schema: the same rules the types below apply. */
export function resolveCorePlain(data: string): unknown {
  if (isNull(data)) return null;
  if (isBool(data)) return toBool(data);
  if (isInt(data)) return toInt(data);
  if (isFloat(data)) return toFloat(data);
  return data;
}

function coreTypes(prefix: string): Type[] {
  const jsyaml = jsYaml();
  return [
    new jsyaml.Type(`${prefix}null`, { kind: 'scalar', resolve: (data: string | null) => data === null || isNull(data), construct: () => null }),
    new jsyaml.Type(`${prefix}bool`, { kind: 'scalar', resolve: (data: string | null) => data !== null && isBool(data), construct: toBool }),
    new jsyaml.Type(`${prefix}int`, { kind: 'scalar', resolve: (data: string | null) => data !== null && isInt(data), construct: toInt }),
    new jsyaml.Type(`${prefix}float`, { kind: 'scalar', resolve: (data: string | null) => data !== null && isFloat(data), construct: toFloat }),
  ];
}

let core: Schema | null = null;
let anyTag: Schema | null = null;

/** For texts with no tags: untagged scalars resolve by the core rules. */
export function core12Schema(): Schema {
  core ??= new (jsYaml().Schema)({ implicit: coreTypes('tag:yaml.org,2002:') });
  return core;
}

/**
 * For texts that may hold tags. Every explicit tag is accepted here so that js-yaml never throws
 * on one: a tag is a subset violation found by position (like `yaml` 2, which only warns), never
 * a parse error that would hide an earlier or later problem. The implicit types carry private
 * tag names so that `!!int x` falls through to the catch-all instead of failing to resolve.
 */
export function core12AnyTagSchema(): Schema {
  anyTag ??= new (jsYaml().Schema)({
    implicit: coreTypes('tag:custodian.invalid,2026:'),
    explicit: (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) => new (jsYaml().Type)('', { kind, multi: true, resolve: () => true, construct: (data: unknown) => data }),
    ),
  });
  return anyTag;
}
