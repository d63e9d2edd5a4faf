// The one path every edit of a task takes (status, claim, release, set): find the task in a fresh
// index, edit its file under the file's lock (decisions are made on what the file says then),
// optionally commit and push that file with the remote as the compare-and-set, re-sync, and answer
// with the task as the index then holds it. Refusals that an agent acts on are `conflict` errors
// with a `reason` (taken: someone else holds it, do not retry; changed: the file changed under the
// edit, retry; not-ready: it is not open work) and the task's `current` status and assignee.
import type { ParseResult, TextEdit } from '../documents/model.js';
import { parseFile } from '../documents/parse.js';
import type { EditOutcome } from '../edit/edit-file.js';
import { editPlanningFile, planningFile, type PlanningFile } from '../edit/planning-file.js';
import { locateTask, type LocatedTask } from '../edit/task-status.js';
import { readTextFile } from '../edit/text-file.js';
import { CustodianError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import type { TaskRow } from '../index/queries/tasks.js';
import type { PushOutcome } from '../workspace/git-push.js';
import type { Workspace } from '../workspace/types.js';
import { withIndex, type WorkspaceOptions } from './context.js';
import { taskDetail, type TaskDetail } from './items/task.js';
import { findTask } from './lookup.js';

export type ConflictReason = 'taken' | 'changed' | 'not-ready';

export interface CurrentState {
  status: string | null;
  assignee: string | null;
}

/** A refusal an agent acts on: `taken` (do not retry), `changed` (retry), `not-ready`. */
export function taskConflict(reason: ConflictReason, message: string, current: CurrentState | null): CustodianError {
  return new CustodianError('conflict', message, { details: { reason, current } });
}

export function currentOf(task: CurrentState): CurrentState {
  return { status: task.status, assignee: task.assignee };
}

/** What `push` needs: the commit message for the task's id. */
export interface PushRequest {
  message: (id: string) => string;
}

export interface TaskEditRequest {
  ws: Workspace;
  options: WorkspaceOptions;
  /** A task id, or `repo:id`. */
  ref: string;
  /** Checks on the fresh index before the file is touched (readiness, dependencies). */
  precheck?: (db: IndexDb, row: TaskRow) => void;
  /** Under the file's lock: decide on what the file says and return the edits ([]: nothing to change). */
  plan: (text: string, located: LocatedTask, parsed: ParseResult) => TextEdit[] | Promise<TextEdit[]>;
  /** Null when the re-parsed result says what the edit meant. */
  confirm: (parsed: ParseResult, id: string) => string | null;
  push?: PushRequest;
  dryRun?: boolean;
}

export interface TaskEditResult {
  id: string;
  task: TaskDetail;
  outcome: EditOutcome;
  push: PushOutcome | null;
}

export async function editTask(request: TaskEditRequest): Promise<TaskEditResult> {
  const { ws, options, ref } = request;
  const row = await withIndex(ws, { ...options, sync: true }, (db) => {
    const row = findTask(db, ref);
    request.precheck?.(db, row);
    return row;
  });
  const id = row.task_id!;
  const { outcome, push } = await editTaskFile(ws, { repo: row.repo, file: row.path, id }, request);
  // The file as well as the repo: the id may be declared twice in one repo.
  const edited = `${row.repo}:${row.path}#${id}`;
  // The run's warnings were given by the first sync; the edit changed one file of this repo (a
  // push may have brought in anything: then the whole workspace is checked).
  const task = await withIndex(
    ws,
    { ...options, sync: true, onWarning: undefined },
    (db) => taskDetail(findTask(db, edited)),
    push ? {} : { repos: [row.repo] },
  );
  return { id, task, outcome, push };
}

/** Where a task is declared, as the index says. */
export interface TaskPlace {
  repo: string;
  /** Repo-relative path. */
  file: string;
  id: string;
}

/** The file half of an edit, with no index: lock, read, decide, write (and push). */
export async function editTaskFile(
  ws: Workspace,
  place: TaskPlace,
  request: Pick<TaskEditRequest, 'plan' | 'confirm' | 'push' | 'dryRun'>,
): Promise<{ outcome: EditOutcome; push: PushOutcome | null }> {
  const { id } = place;
  const target = await planningFile(ws, place.repo, place.file);
  const edit = () =>
    changedOnConflict(target, id, () =>
      editPlanningFile(target, (text, parsed) => request.plan(text, locateTask(parsed, id), parsed), (parsed) => request.confirm(parsed, id), {
        dryRun: request.dryRun,
      }),
    );
  if (request.push && !request.dryRun) {
    let outcome: EditOutcome | null = null;
    const { editAndPush } = await import('../workspace/git-push.js');
    const message = request.push.message;
    const push = await editAndPush({ path: target.path, message: () => message(id) }, async () => (outcome = await edit()).changed);
    return { outcome: outcome!, push };
  }
  return { outcome: await edit(), push: null };
}

/**
 * The edit engine's own conflicts (the task left the file, a writer without our lock changed it
 * mid-edit) are `changed`, with the task's state as the file now has it: worth a retry.
 */
async function changedOnConflict(target: PlanningFile, id: string, run: () => Promise<EditOutcome>): Promise<EditOutcome> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CustodianError) || error.code !== 'conflict') throw error;
    const reason = error.details?.reason;
    if (reason === 'taken' || reason === 'changed' || reason === 'not-ready') throw error;
    throw taskConflict('changed', error.message, await stateInFile(target, id));
  }
}

async function stateInFile(target: PlanningFile, id: string): Promise<CurrentState | null> {
  try {
    const parsed = await parseFile(target.file, (await readTextFile(target.path)).text);
    const task = parsed.documents.flatMap((d) => d.tasks).find((t) => t.id === id);
    return task ? currentOf(task) : null;
  } catch {
    return null;
  }
}
