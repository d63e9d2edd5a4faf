// `task add <workplan> --title T`: a new task at the end of a workplan's tasks, with the next free
// `T<nn>`, in the form the workplan already uses (src/authoring/task-add.ts); byte-preserving, under
// the file's lock (the number is chosen from the file as it is then), then re-synced.
import { nextTaskId } from '../authoring/ids.js';
import { checkTitle } from '../authoring/new-document.js';
import { taskAddEdits } from '../authoring/task-add.js';
import type { ParsedDocument, ParseResult } from '../documents/model.js';
import { normalisePriority, normaliseTaskStatus } from '../documents/vocabulary.js';
import { editPlanningFile, planningFile } from '../edit/planning-file.js';
import { CustodianError, usageError } from '../errors.js';
import { checkName } from './claim.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { taskDetail, type TaskDetail } from './items/task.js';
import { findTask } from './lookup.js';
import { uniqueRecord } from './records.js';
import { requireKnownTasks } from './task-refs.js';

export interface TaskAddOptions extends WorkspaceOptions {
  /** The workplan's id, or `repo:id`. */
  workplan: string;
  title: string;
  /** Default todo. */
  status?: string;
  priority?: string;
  dependsOn?: string[];
  assignee?: string;
  needsHuman?: boolean;
  description?: string;
  dryRun?: boolean;
}

export interface TaskAddDocument {
  schema_version: 1;
  kind: 'task';
  /** The new task as the index holds it (with `dryRun`: as the file would declare it). */
  task: TaskDetail | { id: string; title: string; status: string; repo_slug: string; file: string };
  changed: boolean;
  diff: string;
  written: boolean;
}

export async function taskAdd(options: TaskAddOptions): Promise<TaskAddDocument> {
  const title = checkTitle(options.title);
  const status = options.status === undefined ? 'todo' : canonical(normaliseTaskStatus(options.status).value, 'status', options.status);
  const priority = options.priority === undefined ? undefined : canonical(normalisePriority(options.priority).value, 'priority', options.priority);
  const assignee = options.assignee === undefined ? undefined : checkName(options.assignee);
  const ws = await loadWorkspace(options);
  const row = await withIndex(ws, { ...options, sync: true }, (db) => {
    const row = uniqueRecord(db, 'workplan', options.workplan);
    requireKnownTasks(db, options.dependsOn ?? [], row.doc_id, '--depends-on');
    return row;
  });
  const workplanId = row.doc_id!;
  const target = await planningFile(ws, row.repo, row.path);
  let added = { written: '', qualified: '' };
  const outcome = await editPlanningFile(
    target,
    (text, parsed) => {
      const document = workplanIn(parsed, workplanId);
      added = nextTaskId(workplanId, document.tasks.flatMap((t) => (typeof t.fields.id === 'string' ? [t.fields.id] : [])));
      return taskAddEdits(text, document, { id: added.written, title, status, priority, dependsOn: options.dependsOn, assignee, needsHuman: options.needsHuman, description: options.description });
    },
    (parsed) => confirmAdded(parsed, added.qualified, title),
    { dryRun: options.dryRun },
  );
  const base = { schema_version: 1 as const, kind: 'task' as const, changed: outcome.changed, diff: outcome.diff, written: !options.dryRun };
  if (options.dryRun) return { ...base, task: { id: added.qualified, title, status, repo_slug: row.repo, file: row.path } };
  const ref = `${row.repo}:${row.path}#${added.qualified}`;
  const task = await withIndex(ws, { ...options, sync: true, onWarning: undefined }, (db) => taskDetail(findTask(db, ref)), { repos: [row.repo] });
  return { ...base, task };
}

function canonical(value: string | null, what: string, raw: string): string {
  if (value === null) throw usageError(`unknown ${what} ${JSON.stringify(raw)}`);
  return value;
}

function workplanIn(parsed: ParseResult, id: string): ParsedDocument {
  const document = parsed.documents.find((d) => d.kind === 'workplan' && d.id === id);
  if (!document || !document.frontmatter) {
    throw new CustodianError('conflict', `${parsed.file}: workplan ${id} is no longer in the file; retry the command`, { details: { reason: 'changed' } });
  }
  return document;
}

function confirmAdded(parsed: ParseResult, id: string, title: string): string | null {
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return `the workplan would not parse cleanly: ${parsed.diagnostics[0].message}`;
  const tasks = parsed.documents.flatMap((d) => d.tasks).filter((t) => t.id === id);
  if (tasks.length !== 1) return `task ${id} would be declared ${tasks.length} times`;
  if (tasks[0].title !== title) return `task ${id} would read the title ${JSON.stringify(tasks[0].title)}`;
  return null;
}
