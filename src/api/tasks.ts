// `task list` and `task show`.
import { selectTasks } from '../index/queries/tasks.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { selectedRepos, selectedStatuses, type ListFilters } from './filters.js';
import { findTask } from './lookup.js';
import { taskDetail, taskItem, type TaskDetail, type TaskItem } from './items/task.js';

export interface TaskListOptions extends WorkspaceOptions, ListFilters {}

export interface TaskListDocument {
  schema_version: 1;
  kind: 'task-list';
  mode: WorkspaceMode;
  /** Every task of every status unless filtered, by repo, file and position. */
  items: TaskItem[];
}

export async function taskList(options: TaskListOptions = {}): Promise<TaskListDocument> {
  const ws = await loadWorkspace(options);
  const rows = await withIndex(ws, options, (db) => selectTasks(db, { repos: selectedRepos(ws, options), statuses: selectedStatuses('task', options) }));
  return { schema_version: 1, kind: 'task-list', mode: ws.mode, items: rows.map(taskItem) };
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
