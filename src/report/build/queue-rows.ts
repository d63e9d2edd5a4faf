// The snapshot's tasks and workplans as the rows src/dispatch works on, so the report orders and
// groups work with the very code `dispatch` and `next` use.
// PROVISIONAL: the hub (issue 13) is making src/dispatch work over a neutral model; this adapter
// gives way to it once that lands.
import type { GoalInfo, QueueTask, WorkplanInfo } from '../../dispatch/types.js';
import type { InputGoal, InputTask, InputWorkplan, ReportInput } from '../input.js';

export interface QueueRows {
  tasks: QueueTask[];
  workplans: WorkplanInfo[];
  goals: GoalInfo[];
  /** The input task each queue task stands for (same index). */
  sources: InputTask[];
}

export function queueRows(input: ReportInput): QueueRows {
  const workplanRows = new Map<string, number>();
  const workplans = input.workplans.map((workplan, row) => {
    workplanRows.set(placeKey(workplan), row);
    return workplanInfo(workplan, row);
  });
  const ordinals = fileOrdinals(input.tasks);
  const tasks = input.tasks.map((task, row): QueueTask => {
    const inTaskFile = task.declared_in.includes('file');
    const documentRow = inTaskFile ? undefined : workplanRows.get(placeKey(task));
    return {
      row_id: row,
      // A task file is its own document; numbers past the workplans' cannot collide with them.
      document_id: documentRow ?? workplans.length + row,
      repo: task.repo_slug,
      file: task.file,
      ordinal: ordinals[row],
      line: task.line,
      id: task.id,
      workplan_id: task.workplan_id,
      title: task.title,
      status: task.status,
      priority: task.priority,
      needs_human: task.needs_human,
      doc_valid: task.valid,
      in_task_file: inTaskFile,
      depends_on: task.depends_on,
    };
  });
  return { tasks, workplans, goals: input.goals.map(goalInfo), sources: input.tasks };
}

function workplanInfo(workplan: InputWorkplan, row: number): WorkplanInfo {
  return {
    row_id: row,
    repo: workplan.repo_slug,
    file: workplan.file,
    id: workplan.id,
    title: workplan.title,
    status: workplan.status,
    valid: workplan.valid,
    created: workplan.created,
  };
}

function goalInfo(goal: InputGoal): GoalInfo {
  return { repo: goal.repo_slug, file: goal.file, id: goal.id, title: goal.title, status: goal.status, priority: goal.priority, repo_field: goal.repo, domain: goal.domain };
}

function placeKey(item: { source?: string; repo_slug: string; file: string }): string {
  return `${item.source ?? ''}\u0000${item.repo_slug}\u0000${item.file}`;
}

/** Each task's position among the tasks of its file (by line: the order they are written in). */
function fileOrdinals(tasks: readonly InputTask[]): number[] {
  const byFile = new Map<string, number[]>();
  tasks.forEach((task, row) => {
    const key = placeKey(task);
    const rows = byFile.get(key);
    if (rows) rows.push(row);
    else byFile.set(key, [row]);
  });
  const ordinals = new Array<number>(tasks.length);
  for (const rows of byFile.values()) {
    rows.sort((a, b) => tasks[a].line - tasks[b].line || a - b);
    rows.forEach((row, ordinal) => (ordinals[row] = ordinal));
  }
  return ordinals;
}
