// `task list` and `task show`.
import { readyQueue } from '../dispatch/queue.js';
import { WORKABLE_STATUSES } from '../dispatch/readiness.js';
import { workplanCatalog } from '../dispatch/workstreams.js';
import { normalisePriority } from '../documents/vocabulary.js';
import { usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, selectQueueTasks, workplansOf } from '../index/queries/dispatch.js';
import { iterateTasks, type TaskRow } from '../index/queries/tasks.js';
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
  /** More of each task than a list shows: any of TASK_LIST_FIELDS (`task show`'s keys), added after the item's own keys. */
  fields?: string[];
}

/** The keys `--fields` can add to a task list's items: what `task show` holds beyond the list item. */
export const TASK_LIST_FIELDS = ['priority_raw', 'end_line', 'declared_in', 'valid', 'description', 'description_lines', 'acceptance_criteria', 'fields'] as const;

export type TaskListField = (typeof TASK_LIST_FIELDS)[number];

/** A list item, with the `--fields` asked for. */
export type TaskListItem = TaskItem & Partial<Pick<TaskDetail, TaskListField>>;

export interface TaskListDocument {
  schema_version: 1;
  kind: 'task-list';
  mode: WorkspaceMode;
  /** Every task of every status unless filtered, by repo, file and position. */
  items: TaskListItem[];
}

export async function taskList(options: TaskListOptions = {}): Promise<TaskListDocument> {
  return eachTaskListItem(options, (head, items) => ({ ...head, items: [...items] }));
}

/**
 * The task list with its items handed over one at a time, while the index is open: `consume`
 * sees the document's other keys and an iterable of its items, in order (the CLI writes each
 * out as it comes, so 60,000 tasks are never held whole). `taskList` collects them.
 */
export async function eachTaskListItem<T>(options: TaskListOptions, consume: (head: Omit<TaskListDocument, 'items'>, items: Iterable<TaskListItem>) => T): Promise<T> {
  const ws = await loadWorkspace(options);
  const priorities = options.priorities?.length ? options.priorities.map(canonicalPriority) : undefined;
  const extra = listFields(options.fields);
  const repos = selectedRepos(ws, options);
  // A task's row is made from its own file alone: a list of some repos' tasks needs only those
  // repos' files checked (as `git status -- path` stats only the path). Readiness looks at
  // dependencies and workplans anywhere, so --ready checks every repo.
  const scope = repos && !options.ready ? { repos } : {};
  return withIndex(ws, options, (db) => {
    const filter = { repos, statuses: selectedStatuses('task', options), assignees: options.assignees?.length ? options.assignees : undefined, priorities };
    const ready = options.ready ? readyRowIds(db, repos) : null;
    const rows = extra.length > 0 ? iterateTasks(db, filter, 'detail') : iterateTasks(db, filter, 'list');
    function* items(): Generator<TaskListItem> {
      for (const row of rows) {
        if (ready && !ready.has(row.row_id)) continue;
        yield extra.length > 0 ? withFields(row as TaskRow, extra) : taskItem(row);
      }
    }
    return consume({ schema_version: 1, kind: 'task-list', mode: ws.mode }, items());
  }, scope);
}

function listFields(fields: string[] | undefined): TaskListField[] {
  if (!fields?.length) return [];
  const known = new Set<string>(TASK_LIST_FIELDS);
  const unknown = fields.filter((f) => !known.has(f) && !ITEM_KEYS.has(f));
  if (unknown.length > 0) throw usageError(`unknown task field${unknown.length === 1 ? '' : 's'} ${unknown.map((f) => `\`${f}\``).join(', ')}: --fields takes ${TASK_LIST_FIELDS.join(', ')}`);
  // In task show's order, whatever order they were asked in, so one question has one answer.
  return TASK_LIST_FIELDS.filter((f) => fields.includes(f));
}

/** A list item's own keys: naming one in --fields is allowed (it is always there). */
const ITEM_KEYS = new Set(['id', 'local_id', 'title', 'status', 'status_raw', 'priority', 'depends_on', 'needs_human', 'assignee', 'workplan_id', 'repo_slug', 'file', 'line']);

function withFields(row: TaskRow, fields: readonly TaskListField[]): TaskListItem {
  const detail = taskDetail(row);
  const item: TaskListItem = taskItem(row);
  for (const field of fields) (item as unknown as Record<string, unknown>)[field] = detail[field];
  return item;
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
