// The rows dispatch, next and graph are computed from: tasks as the queue sees them, workplans,
// goals, interface changes, dependency targets. A few set-based queries, no per-task round trips.
import type { DependencyLookup, DependencyTarget, GoalInfo, InterfaceChangeInfo, QueueTask, WorkplanInfo } from '../../dispatch/types.js';
import type { IndexDb } from '../db.js';
import type { TaskRow } from './tasks.js';

/** A task row as QUEUE_TASK_COLUMNS selects it. */
export interface TaskSqlRow {
  row_id: number;
  document_id: number;
  repo: string;
  path: string;
  ordinal: number;
  line: number;
  task_id: string | null;
  workplan_id: string | null;
  title: string;
  status: string | null;
  priority: string;
  needs_human: number;
  assignee: string | null;
  doc_valid: number;
  source: string;
}

// The index tasks_status_priority (src/index/schema.ts) holds every one of these, so next reads no table row: a column added here goes there too.
export const QUEUE_TASK_COLUMNS =
  't.id AS row_id, t.document_id, t.repo, t.path, t.ordinal, t.line, t.task_id, t.workplan_id, t.title, t.status, t.priority, t.needs_human, t.assignee, t.doc_valid, t.source';

export function toQueueTask(row: TaskSqlRow, depends_on: string[]): QueueTask {
  return {
    row_id: row.row_id,
    document_id: row.document_id,
    repo: row.repo,
    file: row.path,
    ordinal: row.ordinal,
    line: row.line,
    id: row.task_id,
    workplan_id: row.workplan_id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    needs_human: row.needs_human === 1,
    assignee: row.assignee,
    doc_valid: row.doc_valid === 1,
    in_task_file: row.source === 'file',
    depends_on,
  };
}

export interface QueueTaskFilter {
  /** Only tasks living in these repos (undefined: every repo). */
  repos?: readonly string[];
  /** Only tasks with these normalised statuses (undefined: every status, unknown values included). */
  statuses?: readonly string[];
}

/** Tasks with their dependencies as written, in repo, file, position order. */
export function selectQueueTasks(db: IndexDb, filter: QueueTaskFilter = {}): QueueTask[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.repos) {
    where.push('t.repo IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.repos));
  }
  if (filter.statuses) {
    where.push('t.status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.statuses));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT ${QUEUE_TASK_COLUMNS} FROM tasks t ${clause} ORDER BY t.repo, t.path, t.ordinal`).all(...params) as TaskSqlRow[];
  const deps = new Map<number, string[]>();
  const depRows = db
    .prepare(`SELECT d.task_row, d.depends_on FROM task_deps d JOIN tasks t ON t.id = d.task_row ${clause} ORDER BY d.task_row, d.position`)
    .raw()
    .all(...params) as [number, string][];
  for (const [row, dependency] of depRows) {
    const list = deps.get(row);
    if (list) list.push(dependency);
    else deps.set(row, [dependency]);
  }
  return rows.map((row) => toQueueTask(row, deps.get(row.row_id) ?? []));
}

interface WorkplanSqlRow {
  row_id: number;
  repo: string;
  path: string;
  doc_id: string | null;
  title: string | null;
  status: string | null;
  valid: number;
  created: string | null;
}

const WORKPLAN_COLUMNS = 'id AS row_id, repo, path, doc_id, title, status, valid, created';

function toWorkplan(row: WorkplanSqlRow): WorkplanInfo {
  return { row_id: row.row_id, repo: row.repo, file: row.path, id: row.doc_id, title: row.title, status: row.status, valid: row.valid === 1, created: row.created };
}

/** Workplans declaring the given tasks or named by their `workplan:` (wherever those live). */
export function workplansOf(db: IndexDb, tasks: readonly QueueTask[]): WorkplanInfo[] {
  const rows = new Set<number>();
  const ids = new Set<string>();
  for (const task of tasks) {
    if (!task.in_task_file) rows.add(task.document_id);
    else if (task.workplan_id !== null) ids.add(task.workplan_id);
  }
  if (rows.size === 0 && ids.size === 0) return [];
  // Two lookups joined by UNION (which also drops a workplan both name): with `id IN … OR doc_id IN …`
  // SQLite reads every workplan row instead (40 ms against 2 for one repo of 10,000 files).
  return (
    db
      .prepare(
        `SELECT ${WORKPLAN_COLUMNS}, line FROM documents WHERE kind = 'workplan' AND id IN (SELECT value FROM json_each(?))
         UNION
         SELECT ${WORKPLAN_COLUMNS}, line FROM documents WHERE kind = 'workplan' AND doc_id IN (SELECT value FROM json_each(?))
         ORDER BY repo, path, line`,
      )
      .all(JSON.stringify([...rows]), JSON.stringify([...ids])) as WorkplanSqlRow[]
  ).map(toWorkplan);
}

/** Every workplan of the workspace (the graph shows all of them). */
export function selectWorkplans(db: IndexDb): WorkplanInfo[] {
  return (db.prepare(`SELECT ${WORKPLAN_COLUMNS} FROM documents WHERE kind = 'workplan' ORDER BY repo, path, line`).all() as WorkplanSqlRow[]).map(toWorkplan);
}

/**
 * A lookup answering every id the given tasks may ask about: their own ids, their dependencies
 * as written and qualified with their workplan id. Ids are global, so it reads the whole workspace.
 */
export function dependencyLookupFor(db: IndexDb, tasks: readonly QueueTask[]): DependencyLookup {
  const ids = new Set<string>();
  for (const task of tasks) {
    if (task.id !== null) ids.add(task.id);
    for (const dependency of task.depends_on) {
      ids.add(dependency);
      if (task.workplan_id !== null) ids.add(`${task.workplan_id}-${dependency}`);
    }
  }
  const byId = new Map<string, DependencyTarget[]>();
  if (ids.size > 0) {
    const rows = db
      .prepare('SELECT task_id, repo, status FROM tasks WHERE task_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify([...ids])) as [string, string, string | null][];
    for (const [id, repo, status] of rows) {
      const same = byId.get(id);
      if (same) same.push({ repo, status });
      else byId.set(id, [{ repo, status }]);
    }
  }
  return (id) => byId.get(id) ?? [];
}

/** A lookup answering one id at a time from the index (for a walk that stops early). */
export function liveDependencyLookup(db: IndexDb): DependencyLookup {
  const statement = db.prepare('SELECT repo, status FROM tasks WHERE task_id = ?');
  const cache = new Map<string, DependencyTarget[]>();
  return (id) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = statement.all(id) as DependencyTarget[]));
    return found;
  };
}

const GOAL_COLUMNS = 'repo, path AS file, doc_id AS id, title, status, priority, repo_field, domain';

/** Goals that may be a repo's active goal: naming it, living in it, or naming its domain. */
export function goalsFor(db: IndexDb, repo: string, domain: string | null): GoalInfo[] {
  return db
    .prepare(
      `SELECT ${GOAL_COLUMNS} FROM documents
       WHERE kind = 'goal' AND (repo_field = ? OR repo = ? OR (domain = ? AND repo_field IS NULL)) ORDER BY repo, path, line`,
    )
    .all(repo, repo, domain) as GoalInfo[];
}

/** Every goal of the workspace, in the same shape and order (DoI ranks every repo's from one read). */
export function allGoals(db: IndexDb): GoalInfo[] {
  return db.prepare(`SELECT ${GOAL_COLUMNS} FROM documents WHERE kind = 'goal' ORDER BY repo, path, line`).all() as GoalInfo[];
}

/** Interface changes naming the repo among their affected repos. */
export function interfaceChangesAffecting(db: IndexDb, repo: string): InterfaceChangeInfo[] {
  const rows = db
    .prepare(
      `SELECT d.repo, d.path, d.doc_id, d.title, d.status, d.fields FROM documents d WHERE d.kind = 'interface-change'
         AND d.id IN (SELECT document_id FROM interface_change_repos WHERE repo_slug = ?)
       ORDER BY d.repo, d.path, d.line`,
    )
    .all(repo) as { repo: string; path: string; doc_id: string | null; title: string | null; status: string | null; fields: string }[];
  return rows.map((row) => {
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    const affected = Array.isArray(fields.affected_repos) ? fields.affected_repos.filter((slug): slug is string => typeof slug === 'string') : [];
    return { repo: row.repo, file: row.path, id: row.doc_id, title: row.title, status: row.status, fields, affected_repos: affected };
  });
}

/** When sync last wrote the repo's rows (ISO 8601), or null when the repo was never synced. */
export function repoSyncedAt(db: IndexDb, repo: string): string | null {
  return (db.prepare('SELECT synced_at FROM repos WHERE slug = ?').pluck().get(repo) as string | null | undefined) ?? null;
}

/** One task row with everything `task show` prints, by its index row id. */
export function taskRowById(db: IndexDb, rowId: number): TaskRow | null {
  const row = db.prepare('SELECT t.id AS row_id, t.* FROM tasks t WHERE t.id = ?').get(rowId) as Omit<TaskRow, 'depends_on'> | undefined;
  if (!row) return null;
  const depends_on = db.prepare('SELECT depends_on FROM task_deps WHERE task_row = ? ORDER BY position').pluck().all(rowId) as string[];
  return { ...row, depends_on };
}
