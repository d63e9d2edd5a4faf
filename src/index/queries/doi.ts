// What DoI reads from the index: per-repo change stamps (for cache fingerprints), planning
// documents and parser errors (C6), a repo's tasks (C14), and the workspace's id set (the
// check group's fingerprint, C7 and C13). Repo-scoped queries go through the (repo, …) indexes.
import type { IndexDb } from '../db.js';

export interface RepoStamp {
  generation: number;
  synced_at: string | null;
}

/** Each indexed repo's generation and the time it last changed: together they change with any file of the repo. */
export function repoStamps(db: IndexDb): Map<string, RepoStamp> {
  const rows = db.prepare('SELECT slug, generation, synced_at FROM repos').all() as ({ slug: string } & RepoStamp)[];
  return new Map(rows.map((r) => [r.slug, { generation: r.generation, synced_at: r.synced_at }]));
}

/** Workplan and task-file documents per repo. */
export function planningDocumentCounts(db: IndexDb): Map<string, number> {
  const rows = db
    .prepare("SELECT repo, COUNT(*) AS n FROM documents WHERE kind IN ('workplan', 'task') GROUP BY repo")
    .all() as { repo: string; n: number }[];
  return new Map(rows.map((r) => [r.repo, r.n]));
}

export interface ProblemRow {
  file: string;
  line: number;
  rule_id: string;
  message: string;
}

/** Error-severity parser diagnostics in a repo's files, in file order. */
export function parseErrorRows(db: IndexDb, repo: string): ProblemRow[] {
  return db
    .prepare(
      `SELECT d.path AS file, d.line, d.rule_id, d.message FROM diagnostics d JOIN files f ON f.id = d.file_id
       WHERE f.repo = ? AND d.severity = 'error' ORDER BY d.path, d.line, d.col, d.id`,
    )
    .all(repo) as ProblemRow[];
}

export interface RepoTaskRow {
  document_id: number;
  task_id: string | null;
  local_id: string | null;
  workplan_id: string | null;
  title: string;
  status: string | null;
  source: string;
  path: string;
  line: number;
  end_line: number;
}

const TASK_COLUMNS = 'document_id, task_id, local_id, workplan_id, title, status, source, path, line, end_line';

export function repoTaskRows(db: IndexDb, repo: string): RepoTaskRow[] {
  return db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks WHERE repo = ? ORDER BY path, ordinal`).all(repo) as RepoTaskRow[];
}

/** The repo's in_progress tasks only (through the (repo, status) index: no other row is read). */
export function repoInProgressRows(db: IndexDb, repo: string): RepoTaskRow[] {
  return db.prepare(`SELECT ${TASK_COLUMNS} FROM tasks WHERE repo = ? AND status = 'in_progress' ORDER BY path, ordinal`).all(repo) as RepoTaskRow[];
}

/**
 * Calls `visit` with every line of the workspace's id set in a stable order: each workplan and
 * task id with its repo, then each dependency that resolves to a task in another repo (a cycle or
 * an ambiguity through another repo changes a repo's check result without changing its ids), then
 * the status of each task file naming a workplan of another repo (it decides that workplan's
 * status rollup, C13, without changing the workplan's repo).
 */
export function visitIdSet(db: IndexDb, visit: (line: string) => void): void {
  const ids = db
    .prepare(
      `SELECT repo, doc_id AS id FROM documents WHERE kind = 'workplan' AND doc_id IS NOT NULL
       UNION ALL SELECT repo, task_id FROM tasks WHERE task_id IS NOT NULL ORDER BY 1, 2`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string]>;
  for (const [repo, id] of ids) visit(`${repo}\t${id}`);
  const edges = db
    .prepare(
      `SELECT t.repo, t.task_id, d.depends_on FROM task_deps d JOIN tasks t ON t.id = d.task_row
       WHERE EXISTS (SELECT 1 FROM tasks u WHERE u.task_id IN (d.depends_on, t.workplan_id || '-' || d.depends_on) AND u.repo <> t.repo)
       ORDER BY 1, 2, 3`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string | null, string]>;
  for (const [repo, id, dep] of edges) visit(`${repo}\t${id ?? ''}\t->${dep}`);
  const naming = db
    .prepare(
      `SELECT t.repo, t.path, t.workplan_id, t.status FROM tasks t
       WHERE t.source = 'file' AND t.workplan_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM documents w WHERE w.kind = 'workplan' AND w.doc_id = t.workplan_id AND w.repo <> t.repo)
       ORDER BY 1, 2`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, string, string | null]>;
  for (const [repo, path, workplan, status] of naming) visit(`${repo}\t${path}\t@${workplan}\t${status ?? ''}`);
}
