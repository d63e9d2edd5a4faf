// Which workstream a task is worked under. A block or list task belongs to the workplan that
// declares it; a task file to the workplan its `workplan:` names (ids are global, so it may live
// in another repo), or to its repo's backlog when it names none.
import type { QueueTask, WorkplanInfo, Workstream } from './types.js';

export interface WorkplanCatalog {
  byRow: ReadonlyMap<number, WorkplanInfo>;
  byId: ReadonlyMap<string, readonly WorkplanInfo[]>;
}

export function workplanCatalog(workplans: readonly WorkplanInfo[]): WorkplanCatalog {
  const byRow = new Map<number, WorkplanInfo>();
  const byId = new Map<string, WorkplanInfo[]>();
  for (const workplan of workplans) {
    byRow.set(workplan.row_id, workplan);
    if (workplan.id === null) continue;
    const same = byId.get(workplan.id);
    if (same) same.push(workplan);
    else byId.set(workplan.id, [workplan]);
  }
  return { byRow, byId };
}

export function resolveWorkstream(task: Pick<QueueTask, 'in_task_file' | 'document_id' | 'workplan_id' | 'repo'>, catalog: WorkplanCatalog): Workstream {
  if (!task.in_task_file) {
    const workplan = catalog.byRow.get(task.document_id);
    return workplan ? { kind: 'workplan', workplan } : { kind: 'unresolved', reason: 'unknown-workplan' };
  }
  if (task.workplan_id === null) return { kind: 'backlog', repo: task.repo };
  const named = catalog.byId.get(task.workplan_id) ?? [];
  if (named.length === 1) return { kind: 'workplan', workplan: named[0] };
  return { kind: 'unresolved', reason: named.length === 0 ? 'unknown-workplan' : 'ambiguous-workplan' };
}

/** The id dispatch shows for a workstream: the workplan's id, or `<repo-slug>:backlog`. */
export function workstreamId(workstream: Workstream): string | null {
  if (workstream.kind === 'backlog') return backlogId(workstream.repo);
  if (workstream.kind === 'workplan') return workstream.workplan.id;
  return null;
}

export function backlogId(repo: string): string {
  return `${repo}:backlog`;
}
