// The report's input as the rows src/dispatch works on, made by the hub's own adapter
// (src/api/federation/rows.ts) one source at a time, so the report orders and groups work with the
// very code `dispatch`, `next` and the hub use, and two sources' files never share a position.
import { snapshotRows } from '../../api/federation/rows.js';
import type { GoalInfo, QueueTask, WorkplanInfo } from '../../dispatch/types.js';
import type { InputTask, ReportInput } from '../input.js';

export interface QueueRows {
  tasks: QueueTask[];
  workplans: WorkplanInfo[];
  /** The input's goals, in its order (same index). */
  goals: GoalInfo[];
  /** The input task each queue task stands for, by row id. */
  sources: ReadonlyMap<number, InputTask>;
}

export function queueRows(input: ReportInput): QueueRows {
  let rowId = 0;
  const nextRowId = () => ++rowId;
  const rows: QueueRows = { tasks: [], workplans: [], goals: [], sources: new Map() };
  const sources = rows.sources as Map<number, InputTask>;
  for (const part of bySource(input)) {
    const made = snapshotRows(part, nextRowId);
    rows.workplans.push(...made.workplans);
    for (const { row, item } of made.tasks) {
      rows.tasks.push(row);
      sources.set(row.row_id, item);
    }
  }
  // Goals keep the input's order: the report lists them from the input beside these.
  rows.goals = snapshotRows({ workplans: [], tasks: [], goals: input.goals, interface_changes: [] }, nextRowId).goals;
  return rows;
}

/** The input's items split by source (one part for a workspace's snapshot), order kept. */
function bySource(input: ReportInput): Pick<ReportInput, 'workplans' | 'tasks' | 'goals' | 'interface_changes'>[] {
  const parts = new Map<string, { workplans: ReportInput['workplans']; tasks: ReportInput['tasks']; goals: []; interface_changes: [] }>();
  const part = (source: string | undefined) => {
    const key = source ?? '';
    let found = parts.get(key);
    if (!found) parts.set(key, (found = { workplans: [], tasks: [], goals: [], interface_changes: [] }));
    return found;
  };
  for (const workplan of input.workplans) part(workplan.source).workplans.push(workplan);
  for (const task of input.tasks) part(task.source).tasks.push(task);
  return [...parts.values()];
}
