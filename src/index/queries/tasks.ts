// Task rows as the files state them, in a stable order: repo, file, position.
import type { IndexDb } from '../db.js';

export interface TaskRow {
  row_id: number;
  document_id: number;
  repo: string;
  path: string;
  ordinal: number;
  task_id: string | null;
  local_id: string | null;
  workplan_id: string | null;
  title: string;
  status: string | null;
  status_raw: string | null;
  priority: string;
  priority_raw: string | null;
  needs_human: number;
  assignee: string | null;
  line: number;
  col: number;
  end_line: number;
  source: string;
  description: string;
  description_start: number | null;
  description_end: number | null;
  acceptance: string;
  fields: string;
  doc_valid: number;
  depends_on: string[];
}

export interface TaskFilter {
  repos?: string[];
  statuses?: string[];
  taskIds?: string[];
  /** Repo-relative paths of the files declaring them. */
  paths?: string[];
  documentId?: number;
  /** Only tasks held by one of these names. */
  assignees?: string[];
  /** Only tasks with one of these priorities. */
  priorities?: string[];
}

export function selectTasks(db: IndexDb, filter: TaskFilter = {}): TaskRow[] {
  return [...iterateTasks(db, filter, 'detail')];
}

/** What a task list shows (TaskItem's columns), without the texts only `task show` needs. */
export type TaskListRow = Pick<
  TaskRow,
  'row_id' | 'repo' | 'path' | 'task_id' | 'local_id' | 'workplan_id' | 'title' | 'status' | 'status_raw' | 'priority' | 'needs_human' | 'assignee' | 'line' | 'depends_on'
>;

const LIST_COLUMNS = 't.id AS row_id, t.repo, t.path, t.task_id, t.local_id, t.workplan_id, t.title, t.status, t.status_raw, t.priority, t.needs_human, t.assignee, t.line';

/**
 * The filter's tasks one at a time, in order, as the index yields them: a list of 60,000 tasks is
 * never held whole. `list`: only the columns a list shows (a row's description, criteria and
 * fields are most of its bytes); `detail`: every column. Dependencies are read in one query
 * beforehand, not by a subquery per row.
 */
export function iterateTasks(db: IndexDb, filter: TaskFilter, columns: 'detail'): IterableIterator<TaskRow>;
export function iterateTasks(db: IndexDb, filter: TaskFilter, columns: 'list'): IterableIterator<TaskListRow>;
export function* iterateTasks(db: IndexDb, filter: TaskFilter, columns: 'list' | 'detail'): IterableIterator<TaskListRow> {
  const { where, params } = taskWhere(filter);
  const deps = dependenciesOf(db, where, params);
  const rows = db
    .prepare(`SELECT ${columns === 'list' ? LIST_COLUMNS : 't.id AS row_id, t.*'} FROM tasks t ${where} ORDER BY t.repo, t.path, t.ordinal`)
    .iterate(...params) as IterableIterator<TaskListRow>;
  for (const row of rows) {
    row.depends_on = deps.get(row.row_id) ?? [];
    yield row;
  }
}

/** Each task's dependencies in file order, keyed by task row, for the tasks `where` selects. */
function dependenciesOf(db: IndexDb, where: string, params: unknown[]): Map<number, string[]> {
  const deps = new Map<number, string[]>();
  const rows = db
    .prepare(`SELECT d.task_row, d.depends_on FROM task_deps d ${where ? `JOIN tasks t ON t.id = d.task_row ${where}` : ''} ORDER BY d.task_row, d.position`)
    .raw()
    .iterate(...params) as IterableIterator<[number, string]>;
  for (const [row, target] of rows) {
    const list = deps.get(row);
    if (list) list.push(target);
    else deps.set(row, [target]);
  }
  return deps;
}

function taskWhere(filter: TaskFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const among = (column: string, values: readonly unknown[] | undefined) => {
    if (!values) return;
    where.push(`t.${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...values);
  };
  among('repo', filter.repos);
  among('status', filter.statuses);
  among('task_id', filter.taskIds);
  among('path', filter.paths);
  among('assignee', filter.assignees);
  among('priority', filter.priorities);
  if (filter.documentId !== undefined) {
    where.push('t.document_id = ?');
    params.push(filter.documentId);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Tasks a reference names (`id`, `repo:id` or `repo:path#id`): more than one means it is ambiguous. */
export function findTasksById(db: IndexDb, ref: string): TaskRow[] {
  const { repo, path, id } = splitRef(ref);
  return selectTasks(db, { taskIds: [id], ...(repo ? { repos: [repo] } : {}), ...(path ? { paths: [path] } : {}) });
}

export interface Ref {
  repo: string | null;
  /** The repo-relative file, for `repo:path#id`: two documents of one repo may claim one id. */
  path: string | null;
  id: string;
}

/** `id`, `repo:id` or `repo:path#id` (the path a Markdown file's) → its parts. */
export function splitRef(ref: string): Ref {
  const colon = ref.indexOf(':');
  if (colon <= 0 || !/^[a-z0-9_-]+$/.test(ref.slice(0, colon))) return { repo: null, path: null, id: ref };
  const repo = ref.slice(0, colon);
  const rest = ref.slice(colon + 1);
  const inFile = /^(.+\.md)#(.+)$/i.exec(rest);
  return inFile ? { repo, path: inFile[1], id: inFile[2] } : { repo, path: null, id: rest };
}
