// `task set <id> key=value… [--add-dep X] [--remove-dep X]`: priority, title, assignee,
// needs_human, depends_on and any free key of a task, changed in place in every declaration of the
// task, each value checked before anything is written (vocabulary, types, the task schema, known
// and acyclic dependencies). `key=` with no value removes the key.
import { parse as parseYaml } from 'yaml';
import { normalisePriority } from '../documents/vocabulary.js';
import { idList, qualifyTaskId } from '../documents/fields.js';
import type { ParseResult } from '../documents/model.js';
import { addDependency, removeDependency, removeKey, setKey, taskEditSteps, type TaskStep } from '../edit/task-steps.js';
import type { ScalarValue } from '../edit/yaml/scalar-render.js';
import { usageError } from '../errors.js';
import { validator } from '../schemas.js';
import type { PushItem } from './claim.js';
import { loadWorkspace, type WorkspaceOptions } from './context.js';
import type { TaskDetail } from './items/task.js';
import { editTask } from './task-edit.js';
import { refuseCycle, requireKnownTasks } from './task-refs.js';

export interface TaskSetOptions extends WorkspaceOptions {
  /** A task id, or `repo:id`. */
  id: string;
  /** `key=value` assignments as given (`key=` removes the key). */
  assignments?: string[];
  addDeps?: string[];
  removeDeps?: string[];
  push?: boolean;
  dryRun?: boolean;
}

export interface TaskSetDocument {
  schema_version: 1;
  kind: 'task';
  task: TaskDetail;
  changed: boolean;
  diff: string;
  written: boolean;
  push?: PushItem | null;
}

type Change = { key: string; value: ScalarValue | string[] | undefined };

const KEY = /^[A-Za-z_][\w-]*$/;
// Keys with their own commands: the id names the task, the status has `task status`/`claim`.
const NOT_HERE: Record<string, string> = {
  id: 'a task id is not edited (it is how every other task refers to it)',
  status: 'use `custodian task status` (or `task claim` / `task release`)',
  workplan: "a task file's workplan is not moved by `task set`",
};

export async function taskSet(options: TaskSetOptions): Promise<TaskSetDocument> {
  const changes = (options.assignments ?? []).map(parseAssignment);
  const addDeps = options.addDeps ?? [];
  const removeDeps = options.removeDeps ?? [];
  if (changes.length + addDeps.length + removeDeps.length === 0) throw usageError('nothing to set: give key=value, --add-dep or --remove-dep');
  const ws = await loadWorkspace(options);
  const result = await editTask({
    ws,
    options,
    ref: options.id,
    precheck: (db, row) => {
      const listed = changes.find((c) => c.key === 'depends_on')?.value;
      const added = [...addDeps, ...(Array.isArray(listed) ? listed : [])];
      requireKnownTasks(db, added, row.workplan_id, '--add-dep');
      for (const dependency of added) refuseCycle(db, row.task_id!, dependency, row.workplan_id);
    },
    plan: (text, { task }, parsed) => {
      const steps: TaskStep[] = [];
      for (const change of changes) {
        if (change.value === undefined) steps.push(removeKey(change.key));
        else if (Array.isArray(change.value)) steps.push(...dependencySteps(task.depends_on, change.value, task.workplan_id));
        else steps.push(setKey(change.key, change.value));
      }
      for (const dependency of addDeps) steps.push(addDependency(dependency));
      for (const dependency of removeDeps) steps.push(removeDependency(dependency));
      return taskEditSteps(parsed.file, text, task.id!, steps);
    },
    confirm: (parsed, id) => confirmSchema(parsed, id),
    push: options.push ? { message: (id) => `custodian: set ${[...changes.map((c) => c.key), ...(addDeps.length || removeDeps.length ? ['depends_on'] : [])].join(', ')} of ${id}` } : undefined,
    dryRun: options.dryRun,
  });
  const { outcome, push } = result;
  return {
    schema_version: 1,
    kind: 'task',
    task: result.task,
    changed: outcome.changed,
    diff: outcome.diff,
    written: !options.dryRun && outcome.changed,
    ...(options.push ? { push: push && { remote: push.remote, branch: push.branch, commit: push.commit, attempts: push.attempts } } : {}),
  };
}

/** `priority=high`, `needs_human=true`, `depends_on=A,B`, `estimate=3`, `assignee=` (removes it). */
export function parseAssignment(raw: string): Change {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw usageError(`expected key=value, got ${JSON.stringify(raw)}`);
  const key = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1);
  if (!KEY.test(key)) throw usageError(`invalid key ${JSON.stringify(key)}: use letters, digits, '_' and '-'`);
  if (Object.hasOwn(NOT_HERE, key)) throw usageError(`${key}: ${NOT_HERE[key]}`);
  if (/[\r\n]/.test(text)) throw usageError(`${key}: a value is one line of text`);
  if (text.trim() === '') return { key, value: undefined };
  switch (key) {
    case 'priority': {
      const { value } = normalisePriority(text.trim());
      if (value === null) throw usageError(`unknown priority ${JSON.stringify(text)}: expected critical, high, medium or low`);
      return { key, value };
    }
    case 'needs_human': {
      const value = { true: true, yes: true, false: false, no: false }[text.trim().toLowerCase()];
      if (value === undefined) throw usageError(`needs_human is true or false, not ${JSON.stringify(text)}`);
      return { key, value };
    }
    case 'depends_on':
      return { key, value: idList(text) };
    case 'title':
    case 'assignee':
    case 'name':
      return { key, value: text.trim() };
    default:
      return { key, value: freeValue(text.trim()) };
  }
}

/** A free key's value read as YAML reads a plain scalar: `3` is a number, `true` a boolean, the rest text. */
function freeValue(text: string): ScalarValue {
  try {
    const value = parseYaml(text, { schema: 'core', logLevel: 'silent' }) as unknown;
    if (typeof value === 'number' || typeof value === 'boolean') return value;
  } catch {
    // not a plain scalar: it is text
  }
  return text;
}

/** `depends_on=A,B`: remove what is not wanted, add what is missing (ids compared qualified). */
function dependencySteps(current: readonly string[], wanted: readonly string[], workplanId: string | null): TaskStep[] {
  const qualify = (id: string) => qualifyTaskId(id, workplanId).id ?? id;
  const want = new Set(wanted.map(qualify));
  const have = new Set(current.map(qualify));
  return [...current.filter((id) => !want.has(qualify(id))).map(removeDependency), ...wanted.filter((id) => !have.has(qualify(id))).map(addDependency)];
}

/** The edited task must still be a valid task (schemas/task.schema.json): wrong types are refused. */
function confirmSchema(parsed: ParseResult, id: string): string | null {
  const task = parsed.documents.flatMap((d) => d.tasks).find((t) => t.id === id);
  if (!task) return `task ${id} would no longer be declared after the edit`;
  const validate = validator('task');
  const present = Object.fromEntries(Object.entries(task.fields).filter(([, value]) => value !== null));
  if (validate(present)) return null;
  const problem = validate.errors?.[0];
  return `${problem?.instancePath.replace(/^\//, '') || 'the task'} ${problem?.message ?? 'is invalid'} (schemas/task.schema.json)`;
}
