// Finding the one thing a reference names. A reference is `id`, `repo:id`, or `repo:path#id`
// (two documents of one repo may claim one id: the file tells them apart). A reference naming
// several answers `ambiguous`, listing each candidate with the shortest reference that names it.
import { CustodianError, notFound } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { selectDocuments, type DocumentRow } from '../index/queries/documents.js';
import { findTasksById, splitRef, type TaskRow } from '../index/queries/tasks.js';

interface Candidate {
  repo: string;
  path: string;
  line: number;
  id: string | null;
}

/** The one task a reference names; a workplan's id gets a pointer to `workplan show` rather than a dead end. */
export function findTask(db: IndexDb, ref: string): TaskRow {
  const rows = findTasksById(db, ref);
  if (rows.length === 0) {
    const { repo, path, id } = splitRef(ref);
    const workplans = selectDocuments(db, { kind: 'workplan', docIds: [id], ...(repo ? { repos: [repo] } : {}), ...(path ? { paths: [path] } : {}) });
    if (workplans.length > 0) throw notFound(`no task ${ref} in the workspace: ${id} is a workplan, see custodian workplan show ${ref}`);
  }
  return uniqueTask(rows, ref);
}

export function uniqueTask(rows: TaskRow[], ref: string): TaskRow {
  if (rows.length === 0) throw notFound(`no task ${ref} in the workspace`);
  if (rows.length > 1) throw ambiguous('task id', ref, rows.map((r) => ({ repo: r.repo, path: r.path, line: r.line, id: r.task_id })));
  return rows[0];
}

export function uniqueDocument(rows: DocumentRow[], ref: string, what: string): DocumentRow {
  if (rows.length === 0) throw notFound(`no ${what} ${ref} in the workspace`);
  if (rows.length > 1) throw ambiguous(`${what} id`, ref, rows.map((r) => ({ repo: r.repo, path: r.path, line: r.line, id: r.doc_id })));
  return rows[0];
}

/** `repo:id` when that names only this candidate, else `repo:path#id`. */
export function referenceTo(candidate: Candidate, all: readonly Candidate[]): string {
  const id = candidate.id ?? '';
  const sameRepo = all.filter((c) => c.repo === candidate.repo && c.id === candidate.id).length > 1;
  return sameRepo ? `${candidate.repo}:${candidate.path}#${id}` : `${candidate.repo}:${id}`;
}

function ambiguous(what: string, ref: string, candidates: Candidate[]): CustodianError {
  const refs = candidates.map((c) => referenceTo(c, candidates));
  const places = candidates.map((c, i) => `${refs[i]} (${c.path}:${c.line})`);
  return new CustodianError('ambiguous', `${what} ${ref} is used ${candidates.length} times: ${places.join(', ')}; name one as ${refs[0]}`, {
    details: { candidates: candidates.map((c, i) => ({ repo_slug: c.repo, id: c.id, file: c.path, line: c.line, ref: refs[i] })) },
  });
}
