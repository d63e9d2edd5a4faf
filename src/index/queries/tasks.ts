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
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.repos) {
    where.push(`t.repo IN (${filter.repos.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.repos);
  }
  if (filter.statuses) {
    where.push(`t.status IN (${filter.statuses.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.statuses);
  }
  if (filter.taskIds) {
    where.push(`t.task_id IN (${filter.taskIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.taskIds);
  }
  if (filter.paths) {
    where.push(`t.path IN (${filter.paths.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.paths);
  }
  if (filter.assignees) {
    where.push(`t.assignee IN (${filter.assignees.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.assignees);
  }
  if (filter.priorities) {
    where.push(`t.priority IN (${filter.priorities.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.priorities);
  }
  if (filter.documentId !== undefined) {
    where.push('t.document_id = ?');
    params.push(filter.documentId);
  }
  const rows = db
    .prepare(
      `SELECT t.id AS row_id, t.*, (SELECT json_group_array(depends_on) FROM (SELECT depends_on FROM task_deps d WHERE d.task_row = t.id ORDER BY position)) AS deps
       FROM tasks t ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.repo, t.path, t.ordinal`,
    )
    .all(...params) as (TaskRow & { deps: string })[];
  return rows.map(({ deps, ...row }) => ({ ...row, depends_on: JSON.parse(deps) as string[] }));
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
