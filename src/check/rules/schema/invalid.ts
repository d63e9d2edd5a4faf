import type { DocumentKind, ParsedDocument } from '../../../documents/model.js';
import { isMapping, rawScalar } from '../../../documents/fields.js';
import { normaliseStatus } from '../../../documents/vocabulary.js';
import { validator } from '../../../schemas.js';
import { declarations, taskLabel } from '../../declarations.js';
import { documentPlace, linePlace, sourcePlace } from '../../positions.js';
import { fileRule } from '../../rule.js';
import { formatPath, schemaProblems, type SchemaProblem } from '../../schema-errors.js';
import type { FileRuleContext, Place } from '../../types.js';
import type { YamlPath } from '../../positions.js';

const VALIDATOR_NAMES: Record<DocumentKind, string> = {
  workplan: 'workplan',
  task: 'task',
  goal: 'goal',
  'interface-change': 'interfaceChange',
  decision: 'decision',
};

const STATUS_VALUES: Record<DocumentKind, string> = {
  task: 'todo, in_progress, blocked, done, cancelled',
  workplan: 'draft, active, blocked, completed, cancelled',
  goal: 'active, achieved, dropped',
  'interface-change': 'draft, published, resolved',
  decision: 'proposed, accepted, rejected, superseded',
};

export const rule = fileRule(
  {
    id: 'schema/invalid',
    severity: 'error',
    description: 'A field of the wrong type, a value outside its vocabulary, or a missing required key (against `schemas/`).',
    docs:
      'Each document\'s front-matter is validated against the JSON Schema of its kind in `schemas/` (draft 2020-12: ' +
      '`workplan`, `task`, `goal`, `interface-change`, `decision`; precompiled, the same files editors can use), and ' +
      'so is every task block and front-matter list item (against `task`). Reported: a missing required key (`id` on ' +
      'workplans, goals, interface changes and decisions; a task without an id is `task/missing-id` instead), a value ' +
      'of the wrong type (`needs_human: "yes"`, a goal `priority: high`, `id: 42` — quote ids YAML would read as ' +
      'numbers), a `change_type`/`interface_type`/`type` outside its list, and a `status` that is neither a value of ' +
      'its kind\'s vocabulary nor an accepted alias. Task priorities are `priority/invalid` and dates `date/invalid`. ' +
      'An empty value (`owner:`) counts as absent. Each problem sits at the offending value; a missing key at its empty ' +
      'value when it has one, else at the front-matter\'s opening `---` (or the enclosing key).',
    fixable: false,
    messages: {
      /** `problem`: ajv's error worded for people (schema-errors.ts). */
      invalid: '{{problem}} on `{{owner}}`',
      unknownStatus: 'Unknown {{kind}} status `{{value}}` on `{{owner}}`, expected one of {{expected}}',
    },
  },
  (ctx) => {
    for (const doc of ctx.result.documents) {
      if (doc.valid && doc.frontmatter) checkDocument(ctx, doc);
      for (const task of doc.tasks) {
        for (const decl of declarations(task)) {
          const place = (path: YamlPath) => sourcePlace(ctx.lines, doc, decl.source, path, linePlace(ctx.lines, decl.line, decl.column));
          // A task file's fields are its document's, and list items are validated with the workplan.
          if (decl.source.kind === 'block') validate(ctx, 'task', decl.fields, place, linePlace(ctx.lines, decl.line, decl.column), taskLabel(task));
          if (decl.source.kind !== 'file') checkStatus(ctx, 'task', decl.fields.status, place, taskLabel(task));
        }
      }
    }
  },
);

type Context = FileRuleContext<'invalid' | 'unknownStatus'>;

function checkDocument(ctx: Context, doc: ParsedDocument): void {
  const place = (path: YamlPath) => documentPlace(ctx.lines, doc, path);
  const owner = doc.id ?? doc.kind;
  const opening = { line: 1, column: 1, end_line: 1, end_column: 4 };
  validate(ctx, VALIDATOR_NAMES[doc.kind], doc.fields, place, opening, owner, (path) =>
    // A list item that is not a mapping is the parser's `task/parse`.
    doc.kind === 'workplan' && path.length === 2 && path[0] === 'tasks' && typeof path[1] === 'number',
  );
  checkStatus(ctx, doc.kind, doc.fields.status, place, owner);
}

function validate(
  ctx: Context,
  name: string,
  data: Record<string, unknown>,
  place: (path: YamlPath) => Place,
  start: Place,
  owner: string,
  skip: (path: YamlPath) => boolean = () => false,
): void {
  const validate = validator(name);
  if (validate(data)) return;
  // An empty value (`owner:`) is a placeholder: treated as absent, not as a value of the wrong type.
  const present = withoutEmpty(data) as Record<string, unknown>;
  if (validate(present)) return;
  for (const problem of schemaProblems(validate.errors ?? [], present)) {
    if (skip(problem.path)) continue;
    ctx.report({ at: problemPlace(problem, data, place, start), messageId: 'invalid', data: { problem: problem.message, owner }, subject: `${owner}:${problem.subject}` });
  }
}

/** A missing key sits at its empty value when it has one, else at the mapping (the opening line for the root). */
function problemPlace(problem: SchemaProblem, data: unknown, place: (path: YamlPath) => Place, start: Place): Place {
  if (problem.missing === undefined) return place(problem.path);
  let parent: unknown = data;
  for (const step of problem.path) parent = (parent as Record<string | number, unknown> | undefined)?.[step];
  if (isMapping(parent) && Object.hasOwn(parent, problem.missing)) return place([...problem.path, problem.missing]);
  return problem.path.length === 0 ? start : place(problem.path);
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (!isMapping(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, withoutEmpty(item)]])));
}

function checkStatus(ctx: Context, kind: DocumentKind, value: unknown, place: (path: YamlPath) => Place, owner: string): void {
  if (value === undefined || value === null || value === '') return;
  const raw = rawScalar(value);
  if (raw !== null && typeof value !== 'boolean' && normaliseStatus(kind, raw).value !== null) return;
  const shown = raw ?? (Array.isArray(value) ? 'a list' : 'a mapping');
  ctx.report({
    at: place(['status']),
    messageId: 'unknownStatus',
    data: { kind, value: shown, owner, expected: STATUS_VALUES[kind] },
    subject: `${owner}:${formatPath(['status'])}:${shown}`,
  });
}
