// `task status <id> <status> [--if-status S]`: how agents record progress. The status is edited
// in the task's file, in place, byte-preserving and atomically; `--if-status` turns it into a
// claim that only one of several racing agents wins (checked inside the file's lock).
import type { TaskStatus } from '../../documents/model.js';
import { conflict } from '../../errors.js';
import { findTasksById } from '../../index/queries/tasks.js';
import type { CliContext } from '../context.js';
import { taskDetail } from '../../api/items/task.js';
import { writeJson, writeLines } from '../output.js';
import { editPlanningFile, planningFile } from './task-status-file.js';
import { canonicalTaskStatus, confirmStatus, locateTask, statusEdits } from './task-status-edit.js';
import { uniqueTask } from '../../api/lookup.js';
import { openFreshIndex } from './workspace.js';

interface StatusFlags {
  ifStatus?: string;
  json?: boolean;
}

export async function taskStatus(ctx: CliContext, ref: string, rawStatus: string, flags: StatusFlags): Promise<void> {
  const status = canonicalTaskStatus(rawStatus);
  const required = flags.ifStatus === undefined ? null : canonicalTaskStatus(flags.ifStatus, '--if-status value');
  const { ws, db } = await openFreshIndex(ctx);
  let row;
  try {
    row = uniqueTask(findTasksById(db, ref), ref);
  } finally {
    db.close();
  }
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
  const { syncWorkspace } = await import('../../index/sync.js');
  const sync = await syncWorkspace(ws);
  try {
    const detail = taskDetail(uniqueTask(findTasksById(sync.db, `${row.repo}:${id}`), `${row.repo}:${id}`));
    if (flags.json) writeJson({ schema_version: 1, kind: 'task', task: detail });
    else {
      const change = outcome.changed ? `${previous ?? '?'} → ${status}` : `already ${status}, file unchanged`;
      writeLines([`${id}: ${change}  (${row.repo}/${row.path}:${detail.line})`]);
    }
  } finally {
    sync.db.close();
  }
}
