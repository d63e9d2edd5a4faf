// Document rows (workplans, goals, interface changes, decisions) in a stable order.
import type { DocumentKind } from '../../documents/model.js';
import type { IndexDb } from '../db.js';

export interface DocumentRow {
  row_id: number;
  file_id: number;
  repo: string;
  path: string;
  kind: DocumentKind;
  doc_id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  valid: number;
  line: number;
  domain: string | null;
  repo_field: string | null;
  created: string | null;
  updated: string | null;
  completed: string | null;
  priority: number | null;
  description: string;
  fields: string;
}

export interface DocumentFilter {
  kind?: DocumentKind;
  repos?: string[];
  statuses?: string[];
  docIds?: string[];
  paths?: string[];
}

export function selectDocuments(db: IndexDb, filter: DocumentFilter = {}): DocumentRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: string[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...values);
  };
  if (filter.kind) inList('kind', [filter.kind]);
  if (filter.repos) inList('repo', filter.repos);
  if (filter.statuses) inList('status', filter.statuses);
  if (filter.docIds) inList('doc_id', filter.docIds);
  if (filter.paths) inList('path', filter.paths);
  return db
    .prepare(`SELECT id AS row_id, * FROM documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY repo, path, line`)
    .all(...params) as DocumentRow[];
}

export interface TaskCounts {
  todo: number;
  in_progress: number;
  blocked: number;
  done: number;
  cancelled: number;
  unknown: number;
  total: number;
}

/** Task counts by status for each document id. */
export function taskCountsByDocument(db: IndexDb, documentIds: number[]): Map<number, TaskCounts> {
  const counts = new Map<number, TaskCounts>();
  if (documentIds.length === 0) return counts;
  const rows = db
    .prepare(`SELECT document_id, status, COUNT(*) AS n FROM tasks GROUP BY document_id, status`)
    .all() as { document_id: number; status: string | null; n: number }[];
  const wanted = new Set(documentIds);
  for (const row of rows) {
    if (!wanted.has(row.document_id)) continue;
    let c = counts.get(row.document_id);
    if (!c) counts.set(row.document_id, (c = { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 }));
    const key = row.status && row.status in c && row.status !== 'total' ? (row.status as keyof TaskCounts) : 'unknown';
    c[key] += row.n;
    c.total += row.n;
  }
  return counts;
}

/** How many documents, tasks and diagnostics the index holds for one file. */
export function fileRowCounts(db: IndexDb, repo: string, path: string): { documents: number; tasks: number; diagnostics: number } {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents d JOIN files f ON f.id = d.file_id WHERE f.repo = ? AND f.path = ?) AS documents,
              (SELECT COUNT(*) FROM tasks t JOIN files f ON f.id = t.file_id WHERE f.repo = ? AND f.path = ?) AS tasks,
              (SELECT COUNT(*) FROM diagnostics g JOIN files f ON f.id = g.file_id WHERE f.repo = ? AND f.path = ?) AS diagnostics`,
    )
    .get(repo, path, repo, path, repo, path) as { documents: number; tasks: number; diagnostics: number };
}
