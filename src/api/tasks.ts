// `task list` and `task show`.
import { readyQueue } from '../dispatch/queue.js';
import { WORKABLE_STATUSES } from '../dispatch/readiness.js';
import { workplanCatalog } from '../dispatch/workstreams.js';
import { normalisePriority } from '../documents/vocabulary.js';
import { usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, selectQueueTasks, workplansOf } from '../index/queries/dispatch.js';
import { selectTasks } from '../index/queries/tasks.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { selectedRepos, selectedStatuses, type ListFilters } from './filters.js';
import { findTask } from './lookup.js';
import { taskDetail, taskItem, type TaskDetail, type TaskItem } from './items/task.js';

export interface TaskListOptions extends WorkspaceOptions, ListFilters {
  /** Only tasks held by one of these names. */
  assignees?: string[];
  /** Only tasks with one of these priorities (critical, high, medium, low). */
  priorities?: string[];
  /** Only tasks that are ready (DESIGN, "Dispatch"): workable, dependencies done, workplan active, no human needed. */
  ready?: boolean;
}

export interface TaskListDocument {
  schema_version: 1;
  kind: 'task-list';
  mode: WorkspaceMode;
  /** Every task of every status unless filtered, by repo, file and position. */
  items: TaskItem[];
}

export async function taskList(options: TaskListOptions = {}): Promise<TaskListDocument> {
  const ws = await loadWorkspace(options);
  const priorities = options.priorities?.length ? options.priorities.map(canonicalPriority) : undefined;
  const rows = await withIndex(ws, options, (db) => {
    const repos = selectedRepos(ws, options);
    const rows = selectTasks(db, { repos, statuses: selectedStatuses('task', options), assignees: options.assignees?.length ? options.assignees : undefined, priorities });
    if (!options.ready) return rows;
    const ready = readyRowIds(db, repos);
    return rows.filter((row) => ready.has(row.row_id));
  });
  return { schema_version: 1, kind: 'task-list', mode: ws.mode, items: rows.map(taskItem) };
}

function canonicalPriority(raw: string): string {
  const { value } = normalisePriority(raw);
  if (value === null) throw usageError(`unknown priority ${JSON.stringify(raw)}: expected critical, high, medium or low`);
  return value;
}

/** Index rows of the ready tasks of these repos (every repo when undefined), as dispatch assesses them. */
function readyRowIds(db: IndexDb, repos: string[] | undefined): Set<number> {
  const tasks = selectQueueTasks(db, { repos, statuses: [...WORKABLE_STATUSES] });
  const queue = readyQueue(tasks, workplanCatalog(workplansOf(db, tasks)), dependencyLookupFor(db, tasks));
  return new Set(queue.map((entry) => entry.task.row_id));
}

export interface TaskShowOptions extends WorkspaceOptions {
  /** A task id, or `repo:id` when the id is used twice. */
  id: string;
}

export interface TaskDocument {
  schema_version: 1;
  kind: 'task';
  task: TaskDetail;
}

export async function taskShow(options: TaskShowOptions): Promise<TaskDocument> {
  const ws = await loadWorkspace(options);
  const row = await withIndex(ws, options, (db) => findTask(db, options.id));
  return { schema_version: 1, kind: 'task', task: taskDetail(row) };
}
