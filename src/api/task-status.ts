// `task status <id> <status> [--if-status S]`: how agents record progress. The status is edited
// in the task's file, in place, byte-preserving and atomically; `ifStatus` turns it into a
// compare-and-set that only one of several racing agents wins (checked inside the file's lock);
// `push` makes it hold across machines. Then re-syncs.
import type { TaskStatus } from '../documents/model.js';
import { normaliseTaskStatus } from '../documents/vocabulary.js';
import { confirmStatus, statusEdits } from '../edit/task-status.js';
import { usageError } from '../errors.js';
import type { PushItem } from './claim.js';
import { loadWorkspace, type WorkspaceOptions } from './context.js';
import type { TaskDetail } from './items/task.js';
import { currentOf, editTask, taskConflict } from './task-edit.js';

export interface TaskStatusOptions extends WorkspaceOptions {
  /** A task id, or `repo:id` when the id is used twice. */
  id: string;
  /** todo | in_progress | blocked | done | cancelled (aliases such as wip, closed accepted). */
  status: string;
  /** Only if the task currently has this status: otherwise `conflict`, and nothing changes. */
  ifStatus?: string;
  /** Commit the file and push the branch: the remote decides between agents on other machines. */
  push?: boolean;
  /** Decide and compute the edit, write nothing. */
  dryRun?: boolean;
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
  /** The edit as a unified diff ('' when unchanged). */
  diff: string;
  /** False with `dryRun`. */
  written: boolean;
  /** With `push`: the pushed commit. */
  push?: PushItem | null;
}

export async function taskStatus(options: TaskStatusOptions): Promise<TaskStatusDocument> {
  const status = canonicalTaskStatus(options.status, 'status');
  const required = options.ifStatus === undefined ? null : canonicalTaskStatus(options.ifStatus, '--if-status value');
  const ws = await loadWorkspace(options);
  let previous: TaskStatus | null = null;
  const result = await editTask({
    ws,
    options,
    ref: options.id,
    plan: (text, located) => {
      const { task } = located;
      previous = task.status;
      if (required !== null && task.status !== required) {
        // Someone holding it is `taken`; any other status means the state moved on: re-read and decide.
        const reason = task.status === 'in_progress' && status === 'in_progress' ? 'taken' : 'changed';
        throw taskConflict(reason, `task ${task.id} is ${task.status ?? JSON.stringify(task.status_raw)}, not ${required}: not changing it`, currentOf(task));
      }
      return statusEdits(text, located, status);
    },
    confirm: (parsed, id) => confirmStatus(parsed, id, status),
    push: options.push ? { message: (id) => `custodian: ${id} ${status}` } : undefined,
    dryRun: options.dryRun,
  });
  const { outcome } = result;
  return {
    schema_version: 1,
    kind: 'task',
    task: result.task,
    previous_status: previous,
    changed: outcome.changed,
    diff: outcome.diff,
    written: !options.dryRun && outcome.changed,
    ...(options.push ? { push: result.push && { remote: result.push.remote, branch: result.push.branch, commit: result.push.commit, attempts: result.push.attempts } } : {}),
  };
}

/** The canonical status for a value given by the caller (aliases accepted). */
function canonicalTaskStatus(raw: string, what: string): TaskStatus {
  const { value } = normaliseTaskStatus(raw);
  if (value === null) {
    throw usageError(`unknown ${what} ${JSON.stringify(raw)}: expected todo, in_progress, blocked, done or cancelled (or an alias such as wip, closed)`);
  }
  return value;
}
