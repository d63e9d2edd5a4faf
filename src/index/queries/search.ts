// Full-text search over the titles and descriptions of every document and task (the `search`
// FTS5 table, kept in step by sync), ranked by bm25 with titles weighing more than descriptions.
import type { DocumentKind } from '../../documents/model.js';
import type { IndexDb } from '../db.js';
import { TASK_KEY_BASE } from '../search-table.js';

export interface SearchFilter {
  repos?: readonly string[];
  kinds?: readonly DocumentKind[];
  /** Normalised statuses per kind: a row passes when its status is one of its kind's (a kind left out passes none). */
  statuses?: Partial<Record<DocumentKind, readonly string[]>>;
  limit: number;
}

export interface SearchRow {
  kind: DocumentKind;
  id: string | null;
  title: string;
  status: string | null;
  repo: string;
  path: string;
  line: number;
  workplan_id: string | null;
  assignee: string | null;
  description: string;
  /** bm25 relevance, higher is better. */
  score: number;
}

// Titles count four times as much as descriptions: a word in the title says what the thing is.
const TITLE_WEIGHT = 4;

/** Terms of free text as an FTS5 query: every word must match (a trailing `*` keeps a prefix search). */
export function matchQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  if (terms.length === 0) return null;
  return terms.map((term) => (term.endsWith('*') ? `"${term.slice(0, -1)}"*` : `"${term}"`)).join(' ');
}

export function searchIndex(db: IndexDb, match: string, filter: SearchFilter): SearchRow[] {
  const where = ['search MATCH ?'];
  const params: unknown[] = [match];
  if (filter.repos) {
    where.push('r.repo IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.repos));
  }
  if (filter.kinds) {
    where.push('r.kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.kinds));
  }
  if (filter.statuses) {
    // One JSON object of kind → statuses: a row passes when its own kind's list holds its status.
    where.push("r.status IN (SELECT value FROM json_each(?, '$.\"' || r.kind || '\"'))");
    params.push(JSON.stringify(filter.statuses));
  }
  // Without filters the ranking can stop at the limit inside the full-text query; with them, the
  // rows must be joined (and filtered) before the best are taken.
  const limited = where.length === 1 && filter.limit > 0;
  const rows = db
    .prepare(
      `WITH hits AS (
         SELECT rowid, bm25(search, ${TITLE_WEIGHT}, 1) AS rank FROM search WHERE ${where[0]}${limited ? ' ORDER BY rank LIMIT ?' : ''}
       ), r AS (
         SELECT h.rank, d.kind, d.doc_id AS id, COALESCE(d.title, '') AS title, d.status, d.repo, d.path, d.line,
           NULL AS workplan_id, NULL AS assignee, d.description
         FROM hits h JOIN documents d ON h.rowid < ${TASK_KEY_BASE} AND d.id = h.rowid
         UNION ALL
         SELECT h.rank, 'task', t.task_id, t.title, t.status, t.repo, t.path, t.line, t.workplan_id, t.assignee, t.description
         FROM hits h JOIN tasks t ON h.rowid >= ${TASK_KEY_BASE} AND t.id = h.rowid - ${TASK_KEY_BASE}
       )
       SELECT * FROM r ${where.length > 1 ? `WHERE ${where.slice(1).join(' AND ')}` : ''}
       ORDER BY rank, repo, path, line LIMIT ?`,
    )
    .all(...(limited ? [params[0], filter.limit, ...params.slice(1)] : params), filter.limit > 0 ? filter.limit : -1) as (Omit<SearchRow, 'score'> & { rank: number })[];
  return rows.map(({ rank, ...row }) => ({ ...row, score: Math.round(-rank * 1000) / 1000 }));
}
