// `workplan list` and `workplan show`.
import { uniqueDocument } from './lookup.js';
import { selectDocuments, taskCountsByDocument, type DocumentRow, type TaskCounts } from '../index/queries/documents.js';
import { selectTasks, splitRef } from '../index/queries/tasks.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { selectedRepos, selectedStatuses, type ListFilters } from './filters.js';
import { taskItem, type TaskItem } from './items/task.js';

export type { TaskCounts };

export interface WorkplanItem {
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  domain: string | null;
  owner: string | null;
  created: string | null;
  updated: string | null;
  completed: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
  task_counts: TaskCounts;
}

export interface WorkplanDetail extends WorkplanItem {
  fields: Record<string, unknown>;
  tasks: TaskItem[];
}

export interface WorkplanListOptions extends WorkspaceOptions, ListFilters {}

export interface WorkplanListDocument {
  schema_version: 1;
  kind: 'workplan-list';
  mode: WorkspaceMode;
  items: WorkplanItem[];
}

export interface WorkplanShowOptions extends WorkspaceOptions {
  /** A workplan id, or `repo:id` when the id is used twice. */
  id: string;
}

export interface WorkplanDocument {
  schema_version: 1;
  kind: 'workplan';
  workplan: WorkplanDetail;
}

const EMPTY: TaskCounts = { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 };

export async function workplanList(options: WorkplanListOptions = {}): Promise<WorkplanListDocument> {
  const ws = await loadWorkspace(options);
  const items = await withIndex(ws, options, (db) => {
    const rows = selectDocuments(db, { kind: 'workplan', repos: selectedRepos(ws, options), statuses: selectedStatuses('workplan', options) });
    const counts = taskCountsByDocument(db, rows.map((r) => r.row_id));
    return rows.map((row) => workplanItem(row, counts.get(row.row_id)));
  });
  return { schema_version: 1, kind: 'workplan-list', mode: ws.mode, items };
}

export async function workplanShow(options: WorkplanShowOptions): Promise<WorkplanDocument> {
  const ws = await loadWorkspace(options);
  const ref = options.id;
  return withIndex(ws, options, (db) => {
    const { repo, path, id } = splitRef(ref);
    const rows = selectDocuments(db, { kind: 'workplan', docIds: [id], ...(repo ? { repos: [repo] } : {}), ...(path ? { paths: [path] } : {}) });
    const row = uniqueDocument(rows, ref, 'workplan');
    const tasks = selectTasks(db, { documentId: row.row_id });
    const counts = taskCountsByDocument(db, [row.row_id]);
    const item = workplanItem(row, counts.get(row.row_id));
    return { schema_version: 1, kind: 'workplan', workplan: { ...item, fields: JSON.parse(row.fields) as Record<string, unknown>, tasks: tasks.map(taskItem) } };
  });
}

export function workplanItem(row: DocumentRow, counts: TaskCounts | undefined): WorkplanItem {
  const fields = JSON.parse(row.fields) as Record<string, unknown>;
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    domain: row.domain,
    owner: typeof fields.owner === 'string' ? fields.owner : null,
    created: row.created,
    updated: row.updated,
    completed: row.completed,
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
    task_counts: counts ?? EMPTY,
  };
}
