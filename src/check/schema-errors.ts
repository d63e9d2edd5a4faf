// ajv's errors as messages a person can act on, each with the YAML path it is about. Errors in
// the branches of a failed `anyOf` are folded into one message about the value.
import type { SchemaError } from '../schemas.js';
import type { YamlPath } from './positions.js';

export interface SchemaProblem {
  path: YamlPath;
  message: string;
  /** The offending key path and value, for fingerprints. */
  subject: string;
  /** For a missing required key: its name (the path is its parent's). */
  missing?: string;
}

interface AjvError extends SchemaError {
  schemaPath?: string;
}

export function schemaProblems(errors: readonly SchemaError[], data: unknown): SchemaProblem[] {
  const all = errors as AjvError[];
  const failedAnyOf = all.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath ?? ''}/`);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of all) {
    if (failedAnyOf.some((prefix) => (error.schemaPath ?? '').startsWith(prefix))) continue;
    const path = instancePath(error.instancePath, data);
    const problem = describe(error, path, valueAt(data, path));
    if (!problem || seen.has(problem.message)) continue;
    seen.add(problem.message);
    problems.push(problem);
  }
  return problems;
}

function describe(error: AjvError, path: YamlPath, value: unknown): SchemaProblem | null {
  const key = formatPath(path);
  const subject = `${key}:${error.keyword}`;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const where = path.length === 0 ? '' : ` in \`${key}\``;
      return { path, missing, message: `Missing required key \`${missing}\`${where}`, subject: `${formatPath([...path, missing])}:required` };
    }
    case 'type': {
      const expected = String(error.params.type);
      const hint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? `; quote it: \`${lastKey(path)}: "${String(value)}"\`` : '';
      return { path, message: `\`${key}\` must be ${article(expected)} (found ${found(value)})${hint}`, subject };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
      return { path, message: `\`${key}\` must be one of ${allowed} (found ${found(value)})`, subject: `${subject}:${String(value)}` };
    }
    case 'minimum':
      return { path, message: `\`${key}\` must be ≥ ${String(error.params.limit)} (found ${found(value)})`, subject };
    case 'minLength':
      return { path, message: `\`${key}\` must not be empty`, subject };
    case 'anyOf':
      return { path, message: `\`${key}\` ${lastKey(path) === 'depends_on' ? 'must be an id or a list of ids' : 'has the wrong type'} (found ${found(value)})`, subject };
    default:
      return { path, message: `\`${key}\` ${error.message ?? 'is invalid'}`, subject };
  }
}

/** `/tasks/0/status` → ['tasks', 0, 'status'] (numbers where the data holds a list). */
function instancePath(pointer: string, data: unknown): YamlPath {
  if (pointer === '') return [];
  const path: YamlPath = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(step)) {
      path.push(Number(step));
      node = node[Number(step)];
    } else {
      path.push(step);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
    }
  }
  return path;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let node = data;
  for (const step of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

export function formatPath(path: YamlPath): string {
  let text = '';
  for (const step of path) text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
  return text === '' ? '(front-matter)' : text;
}

function lastKey(path: YamlPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping of keys' };
  return names[type] ?? type;
}

function found(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `\`${String(value)}\``;
}
