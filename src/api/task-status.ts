// `task status <id> <status> [--if-status S]`: how agents record progress. The status is edited
// in the task's file, in place, byte-preserving and atomically; `ifStatus` turns it into a claim
// that only one of several racing agents wins (checked inside the file's lock). Then re-syncs.
import type { TaskStatus } from '../documents/model.js';
import { normaliseTaskStatus } from '../documents/vocabulary.js';
import { editPlanningFile, planningFile } from '../edit/planning-file.js';
import { confirmStatus, locateTask, statusEdits } from '../edit/task-status.js';
import { conflict, usageError } from '../errors.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { taskDetail, type TaskDetail } from './items/task.js';
import { findTask } from './lookup.js';

export interface TaskStatusOptions extends WorkspaceOptions {
  /** A task id, or `repo:id` when the id is used twice. */
  id: string;
  /** todo | in_progress | blocked | done | cancelled (aliases such as wip, closed accepted). */
  status: string;
  /** Only if the task currently has this status: otherwise `conflict`, and nothing changes. */
  ifStatus?: string;
}

export interface TaskStatusDocument {
  schema_version: 1;
  kind: 'task';
  /** The task as the index holds it after the edit. */
  task: TaskDetail;
  /** Its status before the edit (null when it had none the vocabulary knows). */
  previous_status: TaskStatus | null;
  /** False when it already had the status: the file was left as it was. */
  changed: boolean;
}

export async function taskStatus(options: TaskStatusOptions): Promise<TaskStatusDocument> {
  const status = canonicalTaskStatus(options.status, 'status');
  const required = options.ifStatus === undefined ? null : canonicalTaskStatus(options.ifStatus, '--if-status value');
  const ws = await loadWorkspace(options);
  const ref = options.id;
  const row = await withIndex(ws, { ...options, sync: true }, (db) => findTask(db, ref));
  const id = row.task_id!;
  const target = await planningFile(ws, row.repo, row.path);
  let previous: TaskStatus | null = null;
  const outcome = await editPlanningFile(
    target,
    (text, parsed) => {
      const located = locateTask(parsed, id);
      previous = located.task.status;
      if (required !== null && located.task.status !== required) {
        throw conflict(`task ${id} is ${located.task.status ?? JSON.stringify(located.task.status_raw)}, not ${required}: not changing it`);
      }
      return statusEdits(text, located, status);
    },
    (parsed) => confirmStatus(parsed, id, status),
  );
  // The file as well as the repo: the id may be declared twice in one repo.
  const edited = `${row.repo}:${row.path}#${id}`;
  // The run's warnings were given by the first sync.
  const task = await withIndex(ws, { ...options, sync: true, onWarning: undefined }, (db) => taskDetail(findTask(db, edited)));
  return { schema_version: 1, kind: 'task', task, previous_status: previous, changed: outcome.changed };
}

/** The canonical status for a value given by the caller (aliases accepted). */
function canonicalTaskStatus(raw: string, what: string): TaskStatus {
  const { value } = normaliseTaskStatus(raw);
  if (value === null) {
    throw usageError(`unknown ${what} ${JSON.stringify(raw)}: expected todo, in_progress, blocked, done or cancelled (or an alias such as wip, closed)`);
  }
  return value;
}
