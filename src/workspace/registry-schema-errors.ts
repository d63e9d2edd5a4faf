// Turns ajv errors against schemas/workspace.schema.json into messages that say what is wrong
// and what was expected, each pointing at a key path in the file.
import type { SchemaError } from '../schemas.js';
import type { RegistryProblem, YamlPath } from './registry-diagnostics.js';

type AjvError = SchemaError & { propertyName?: string };

const TOP_LEVEL_KEYS = ['version', 'domains', 'repos', 'rules'];

const REQUIRED_HINTS: Record<string, string> = {
  version: 'always 1: start the file with `version: 1`',
  slug: 'a unique slug such as "my-repo"',
  name: 'the display name',
  domain: 'the slug of one of the `domains`',
  path: 'the checkout folder, relative to the workspace or absolute',
};

export interface SchemaErrorContext {
  file: string;
  /** The validated data, to quote the offending value. */
  data: unknown;
  /** Maps a path in the validated data to the path in `file` (identity for custodian.yaml). */
  toFilePath?: (path: YamlPath) => YamlPath;
}

export function schemaProblems(errors: AjvError[], context: SchemaErrorContext): RegistryProblem[] {
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type' && e.propertyName === undefined).map((e) => e.instancePath));
  const problems: RegistryProblem[] = [];
  for (const error of errors) {
    // propertyNames wraps the inner error that says what is wrong with the name.
    if (error.keyword === 'propertyNames') continue;
    // A value of the wrong type also fails its enum or const: say only that the type is wrong.
    if (error.keyword !== 'type' && error.propertyName === undefined && typeErrorPaths.has(error.instancePath)) continue;
    problems.push(problemFor(error, context));
  }
  return problems;
}

function problemFor(error: AjvError, context: SchemaErrorContext): RegistryProblem {
  const dataPath = parsePointer(error.instancePath);
  // Messages and positions use the path in the file (custodian.local.yaml's own indexes).
  const path = context.toFilePath ? context.toFilePath(dataPath) : dataPath;
  const make = (message: string, at: YamlPath, part: 'key' | 'value'): RegistryProblem => ({
    rule_id: 'schema/invalid',
    file: context.file,
    message,
    at: { path: at, part },
  });

  if (error.propertyName !== undefined) {
    const name = error.propertyName;
    const where = describePath([...path, name]);
    const isRules = path[path.length - 1] === 'rules';
    const message = isRules
      ? `${where}: ${JSON.stringify(name)} is not a rule id: expected "<group>/<name>" such as "task/duplicate-id"`
      : `${where}: the key must not be empty`;
    return make(message, [...path, name], 'key');
  }

  const value = valueAt(context.data, dataPath);
  const where = describePath(path);
  const last = path[path.length - 1];
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const hint = REQUIRED_HINTS[missing];
      const subject = path.length === 0 ? context.file : where;
      return make(`${subject}: missing required key "${missing}"${hint ? ` (${hint})` : ''}`, path, 'value');
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const guess = closest(key, TOP_LEVEL_KEYS);
      const message =
        `unknown top-level key ${JSON.stringify(key)}: expected version, domains, repos or rules` +
        (guess ? ` (did you mean "${guess}"?)` : '') +
        '; keys starting with "x-" are kept for other tools';
      return make(message, [...path, key], 'key');
    }
    case 'type':
      return make(
        path.length === 0
          ? `${context.file}: expected a mapping with \`version: 1\`, \`domains\` and \`repos\`, found ${describeValue(value)}`
          : `${where}: expected ${typePhrase(String(error.params.type))}, found ${describeValue(value)}${quoteHint(error, value)}`,
        path,
        'value',
      );
    case 'const':
      return make(`${where}: expected ${JSON.stringify(error.params.allowedValue)}, found ${describeValue(value)}`, path, 'value');
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
      return make(`${where}: expected one of ${allowed}; found ${describeValue(value)}`, path, 'value');
    }
    case 'pattern':
      return make(`${where}: ${patternMessage(last, value)}`, path, 'value');
    case 'minLength':
      return make(`${where}: must not be empty`, path, 'value');
    default:
      return make(`${where}: ${error.message ?? 'is invalid'}`, path, 'value');
  }
}

function patternMessage(key: string | number | undefined, value: unknown): string {
  const quoted = JSON.stringify(value);
  if (key === 'fingerprint') {
    return `${quoted} is not a commit id: expected 40 (SHA-1) or 64 (SHA-256) hex digits, the output of \`git rev-list --max-parents=0 HEAD\``;
  }
  const suggestion = typeof value === 'string' ? toSlugSuggestion(value) : '';
  return (
    `${quoted} is not a valid slug: expected lowercase letters, digits, "-" and "_" only` +
    (suggestion && suggestion !== value ? ` (e.g. "${suggestion}")` : '')
  );
}

function toSlugSuggestion(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `/repos/0/rules/task~1x` → ['repos', 0, 'rules', 'task/x'] */
export function parsePointer(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
    });
}

/** ['repos', 0, 'host_paths', 'box'] → `repos[0].host_paths.box` */
export function describePath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z0-9_$/.-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** YAML reads `1e5`, `0123` or `yes`-like words as numbers or booleans; text needs quotes. */
function quoteHint(error: AjvError, value: unknown): string {
  if (error.params.type !== 'string' || (typeof value !== 'number' && typeof value !== 'boolean')) return '';
  return ' (YAML reads it as a number or boolean: put it in quotes)';
}

function typePhrase(type: string): string {
  return { string: 'a string', array: 'a list', object: 'a mapping', number: 'a number', boolean: 'true or false' }[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/** The candidate within edit distance 2 of `word`, if any. */
function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
