// Dependencies named by an edit must name tasks (`check` would report `dependency/unknown`) and
// must not close a cycle (`dependency/cycle`): refused before anything is written.
import { resolveDependency } from '../dispatch/readiness.js';
import { notFound, refused } from '../errors.js';
import type { IndexDb } from '../index/db.js';

/** Each id resolves as `depends_on` resolves it: as written, then qualified with the workplan's id. */
export function requireKnownTasks(db: IndexDb, ids: readonly string[], workplanId: string | null, option: string): void {
  const lookup = taskLookup(db);
  for (const id of ids) {
    if (resolveDependency(id, { workplan_id: workplanId }, lookup).targets.length === 0) throw notFound(`no task ${id} in the workspace (${option})`);
  }
}

/** Refuses `dependency` for `taskId` when the dependency already (transitively) waits for the task. */
export function refuseCycle(db: IndexDb, taskId: string, dependency: string, workplanId: string | null): void {
  const lookup = taskLookup(db);
  const start = resolveDependency(dependency, { workplan_id: workplanId }, lookup).id;
  const depsOf = db.prepare(
    'SELECT d.depends_on, t.workplan_id FROM task_deps d JOIN tasks t ON t.id = d.task_row WHERE t.task_id = ? ORDER BY d.position',
  );
  const seen = new Set<string>();
  const path: string[] = [];
  const walk = (id: string): boolean => {
    if (id === taskId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    path.push(id);
    for (const row of depsOf.all(id) as { depends_on: string; workplan_id: string | null }[]) {
      if (walk(resolveDependency(row.depends_on, { workplan_id: row.workplan_id }, lookup).id)) return true;
    }
    path.pop();
    return false;
  };
  if (walk(start)) throw refused(`${taskId} cannot depend on ${dependency}: that would close the cycle ${[taskId, ...path, taskId].join(' → ')}`, { reason: 'cycle' });
}

function taskLookup(db: IndexDb) {
  const statement = db.prepare('SELECT repo, status FROM tasks WHERE task_id = ?');
  return (id: string) => statement.all(id) as { repo: string; status: string | null }[];
}
