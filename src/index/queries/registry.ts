// Index queries behind the registry commands: what a domain holds (domain show), its active
// workplans (domain archive refuses while there are any) and the documents naming it (rename).
//
// A document belongs to a domain when its `domain:` names it, or when it names no domain and
// lives in one of the domain's repos. A task belongs where its document (workplan or task
// file) belongs.
import type { IndexDb } from '../db.js';

export interface DomainScope {
  domain: string;
  /** Slugs of the repos registered under the domain. */
  repos: readonly string[];
}

export interface WorkplanStatusCounts {
  draft: number;
  active: number;
  blocked: number;
  completed: number;
  cancelled: number;
  unknown: number;
  total: number;
}

export interface TaskStatusCounts {
  todo: number;
  in_progress: number;
  blocked: number;
  done: number;
  cancelled: number;
  unknown: number;
  total: number;
}

export interface DomainCounts {
  workplans: WorkplanStatusCounts;
  tasks: TaskStatusCounts;
  goals: number;
}

export interface DomainDocumentRow {
  repo: string;
  path: string;
  kind: string;
  doc_id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  domain: string | null;
  valid: number;
  line: number;
}

function scopeClause(alias: string, scope: DomainScope): { sql: string; params: unknown[] } {
  const repos = scope.repos.length ? scope.repos.map(() => '?').join(', ') : 'NULL';
  return {
    sql: `(${alias}.domain = ? OR (${alias}.domain IS NULL AND ${alias}.repo IN (${repos})))`,
    params: [scope.domain, ...scope.repos],
  };
}

export function domainCounts(db: IndexDb, scope: DomainScope): DomainCounts {
  const where = scopeClause('d', scope);
  const workplans: WorkplanStatusCounts = { draft: 0, active: 0, blocked: 0, completed: 0, cancelled: 0, unknown: 0, total: 0 };
  const tasks: TaskStatusCounts = { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 };
  const byStatus = db
    .prepare(`SELECT d.status AS status, COUNT(*) AS n FROM documents d WHERE d.kind = 'workplan' AND ${where.sql} GROUP BY d.status`)
    .all(...where.params) as { status: string | null; n: number }[];
  for (const row of byStatus) add(workplans, row.status, row.n);
  const taskRows = db
    .prepare(
      `SELECT t.status AS status, COUNT(*) AS n FROM tasks t JOIN documents d ON d.id = t.document_id WHERE ${where.sql} GROUP BY t.status`,
    )
    .all(...where.params) as { status: string | null; n: number }[];
  for (const row of taskRows) add(tasks, row.status, row.n);
  const goals = db.prepare(`SELECT COUNT(*) AS n FROM documents d WHERE d.kind = 'goal' AND ${where.sql}`).get(...where.params) as { n: number };
  return { workplans, tasks, goals: goals.n };
}

function add<T extends { unknown: number; total: number }>(counts: T, status: string | null, n: number): void {
  const key = status !== null && status !== 'total' && status in counts ? (status as keyof T) : 'unknown';
  (counts[key] as number) += n;
  counts.total += n;
}

/** Workplans of the domain whose (normalised) status is `active`, in repo, path order. */
export function activeWorkplans(db: IndexDb, scope: DomainScope): DomainDocumentRow[] {
  const where = scopeClause('d', scope);
  return db
    .prepare(
      `SELECT d.repo, d.path, d.kind, d.doc_id, d.title, d.status, d.status_raw, d.domain, d.valid, d.line
       FROM documents d WHERE d.kind = 'workplan' AND d.status = 'active' AND ${where.sql} ORDER BY d.repo, d.path, d.line`,
    )
    .all(...where.params) as DomainDocumentRow[];
}

/**
 * Documents of `kinds` that a rename of `domain` must look at: in `repos`, those whose
 * `domain:` names it and those whose front-matter did not parse (the index cannot tell what
 * they say; the rename reads them itself).
 */
export function renameCandidates(db: IndexDb, domain: string, repos: readonly string[], kinds: readonly string[]): DomainDocumentRow[] {
  if (repos.length === 0 || kinds.length === 0) return [];
  return db
    .prepare(
      `SELECT d.repo, d.path, d.kind, d.doc_id, d.title, d.status, d.status_raw, d.domain, d.valid, d.line
       FROM documents d
       WHERE d.repo IN (${repos.map(() => '?').join(', ')}) AND d.kind IN (${kinds.map(() => '?').join(', ')})
         AND (d.domain = ? OR d.valid = 0)
       ORDER BY d.repo, d.path, d.line`,
    )
    .all(...repos, ...kinds, domain) as DomainDocumentRow[];
}

/** Every document whose `domain:` names `domain`, of any kind, in any repo. */
export function documentsNamingDomain(db: IndexDb, domain: string): DomainDocumentRow[] {
  return db
    .prepare(
      `SELECT d.repo, d.path, d.kind, d.doc_id, d.title, d.status, d.status_raw, d.domain, d.valid, d.line
       FROM documents d WHERE d.domain = ? ORDER BY d.repo, d.path, d.line`,
    )
    .all(domain) as DomainDocumentRow[];
}
