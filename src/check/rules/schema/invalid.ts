import type { DocumentKind, ParsedDocument } from '../../../documents/model.js';
import { rawScalar } from '../../../documents/fields.js';
import { normaliseStatus } from '../../../documents/vocabulary.js';
import { validator } from '../../../schemas.js';
import { declarations, taskLabel } from '../../declarations.js';
import { documentPlace, linePlace, sourcePlace } from '../../positions.js';
import { fileRule } from '../../rule.js';
import { formatPath, schemaProblems } from '../../schema-errors.js';
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
      'Each problem sits at the offending value (at the enclosing key or the front-matter\'s first line for a missing key).',
    fixable: false,
  },
  (ctx) => {
    for (const doc of ctx.result.documents) {
      if (doc.valid && doc.frontmatter) checkDocument(ctx, doc);
      for (const task of doc.tasks) {
        for (const decl of declarations(task)) {
          const place = (path: YamlPath) => sourcePlace(ctx.lines, doc, decl.source, path, linePlace(ctx.lines, decl.line, decl.column));
          // A task file's fields are its document's, and list items are validated with the workplan.
          if (decl.source.kind === 'block') validate(ctx, 'task', decl.fields, place, taskLabel(task));
          if (decl.source.kind !== 'file') checkStatus(ctx, 'task', decl.fields.status, place, taskLabel(task));
        }
      }
    }
  },
);

function checkDocument(ctx: FileRuleContext, doc: ParsedDocument): void {
  const place = (path: YamlPath) => documentPlace(ctx.lines, doc, path);
  const owner = doc.id ?? doc.kind;
  validate(ctx, VALIDATOR_NAMES[doc.kind], doc.fields, place, owner, (path) =>
    // A list item that is not a mapping is the parser's `task/parse`.
    doc.kind === 'workplan' && path.length === 2 && path[0] === 'tasks' && typeof path[1] === 'number',
  );
  checkStatus(ctx, doc.kind, doc.fields.status, place, owner);
}

function validate(
  ctx: FileRuleContext,
  name: string,
  data: Record<string, unknown>,
  place: (path: YamlPath) => Place,
  owner: string,
  skip: (path: YamlPath) => boolean = () => false,
): void {
  const validate = validator(name);
  if (validate(data)) return;
  for (const problem of schemaProblems(validate.errors ?? [], data)) {
    if (skip(problem.path) || (problem.path.length === 1 && problem.path[0] === 'status')) continue;
    ctx.report({ at: place(problem.path), message: `${problem.message} on \`${owner}\``, subject: `${owner}:${problem.subject}` });
  }
}

function checkStatus(ctx: FileRuleContext, kind: DocumentKind, value: unknown, place: (path: YamlPath) => Place, owner: string): void {
  if (value === undefined || value === null || value === '') return;
  const raw = rawScalar(value);
  if (raw !== null && typeof value !== 'boolean' && normaliseStatus(kind, raw).value !== null) return;
  const shown = raw ?? (Array.isArray(value) ? 'a list' : 'a mapping');
  ctx.report({
    at: place(['status']),
    message: `Unknown ${kind} status \`${shown}\` on \`${owner}\`, expected one of ${STATUS_VALUES[kind]}`,
    subject: `${owner}:${formatPath(['status'])}:${shown}`,
  });
}
