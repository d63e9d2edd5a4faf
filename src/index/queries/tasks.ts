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
  documentId?: number;
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

/** Tasks whose id is `id` (or `repo:id`): more than one means the id is ambiguous. */
export function findTasksById(db: IndexDb, ref: string): TaskRow[] {
  const { repo, id } = splitRef(ref);
  return selectTasks(db, { taskIds: [id], ...(repo ? { repos: [repo] } : {}) });
}

/** `repo:id` → {repo, id}; a bare id has no repo. */
export function splitRef(ref: string): { repo: string | null; id: string } {
  const colon = ref.indexOf(':');
  if (colon > 0 && /^[a-z0-9_-]+$/.test(ref.slice(0, colon))) return { repo: ref.slice(0, colon), id: ref.slice(colon + 1) };
  return { repo: null, id: ref };
}
