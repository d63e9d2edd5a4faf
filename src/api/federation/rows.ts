// A snapshot's items as the rows src/dispatch computes from, so the hub's dispatch, next and
// readiness are the CLI's own code run over the federation. Row ids are handed out by the caller
// (unique across every source); positions come from the snapshot's order (repo, file, position).
import type { GoalInfo, InterfaceChangeInfo, QueueTask, WorkplanInfo } from '../../dispatch/types.js';
import { interfaceChangeFrontMatter } from '../../documents/interface-change.js';
import type { SnapshotDocument, SnapshotGoal, SnapshotInterfaceChange, SnapshotTask } from '../../snapshot/types.js';

export interface SnapshotRows {
  workplans: WorkplanInfo[];
  tasks: { row: QueueTask; item: SnapshotTask }[];
  goals: GoalInfo[];
  interfaceChanges: InterfaceChangeInfo[];
}

/** The items of one snapshot (or of one source's part of the federated view). */
export type SnapshotItems = Pick<SnapshotDocument, 'workplans' | 'tasks' | 'goals' | 'interface_changes'>;

export function snapshotRows(snapshot: SnapshotItems, nextRowId: () => number): SnapshotRows {
  const workplanRow = new Map<string, number>();
  const workplans = snapshot.workplans.map((w): WorkplanInfo => {
    const row_id = nextRowId();
    workplanRow.set(place(w.repo_slug, w.file), row_id);
    return { row_id, repo: w.repo_slug, file: w.file, id: w.id, title: w.title, status: w.status, valid: w.valid, created: w.created };
  });
  const ordinals = new Map<string, number>();
  const tasks = snapshot.tasks.map((item) => {
    const key = place(item.repo_slug, item.file);
    const ordinal = ordinals.get(key) ?? 0;
    ordinals.set(key, ordinal + 1);
    return { row: queueTask(item, nextRowId(), ordinal, workplanRow.get(key)), item };
  });
  return { workplans, tasks, goals: snapshot.goals.map(goalInfo), interfaceChanges: snapshot.interface_changes.map(interfaceChangeInfo) };
}

function place(repo: string, file: string): string {
  return `${repo}\u0000${file}`;
}

function queueTask(item: SnapshotTask, row_id: number, ordinal: number, workplanRow: number | undefined): QueueTask {
  const in_task_file = item.declared_in.includes('file');
  return {
    row_id,
    // A block or list task belongs to the workplan of its file; with none there (a broken
    // snapshot), a row id no workplan has leaves it unresolved, never ready.
    document_id: in_task_file ? row_id : (workplanRow ?? -1),
    repo: item.repo_slug,
    file: item.file,
    ordinal,
    line: item.line,
    id: item.id,
    workplan_id: item.workplan_id,
    title: item.title,
    status: item.status,
    priority: item.priority,
    needs_human: item.needs_human,
    assignee: item.assignee,
    doc_valid: item.valid,
    in_task_file,
    depends_on: item.depends_on,
  };
}

function goalInfo(goal: SnapshotGoal): GoalInfo {
  return { repo: goal.repo_slug, file: goal.file, id: goal.id, title: goal.title, status: goal.status, priority: goal.priority, repo_field: goal.repo, domain: goal.domain };
}

function interfaceChangeInfo(change: SnapshotInterfaceChange): InterfaceChangeInfo {
  return {
    repo: change.repo_slug,
    file: change.file,
    id: change.id,
    title: change.title,
    status: change.status,
    fields: interfaceChangeFrontMatter(change),
    affected_repos: change.affected_repos,
  };
}
