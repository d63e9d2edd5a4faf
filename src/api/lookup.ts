// Finding the one thing a reference names: a duplicated id answers `ambiguous` and asks for repo:id.
import { CustodianError, notFound } from '../errors.js';
import type { TaskRow } from '../index/queries/tasks.js';

export function uniqueTask(rows: TaskRow[], ref: string): TaskRow {
  if (rows.length === 0) throw notFound(`no task ${ref} in the workspace`);
  if (rows.length > 1) {
    const places = rows.map((r) => `${r.repo}:${r.task_id} (${r.path}:${r.line})`);
    throw new CustodianError('ambiguous', `task id ${ref} is used ${rows.length} times: ${places.join(', ')}; name one as repo:id`, {
      details: { candidates: rows.map((r) => ({ repo_slug: r.repo, id: r.task_id, file: r.path, line: r.line })) },
    });
  }
  return rows[0];
}
