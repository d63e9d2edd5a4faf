// Task rows as JSON items: what the files say about a task, plus where it lives. No sync
// timestamps, so the answer is reproducible.
import type { AcceptanceCriterion } from '../../documents/model.js';
import type { TaskListRow, TaskRow } from '../../index/queries/tasks.js';

export interface TaskItem {
  id: string | null;
  local_id: string | null;
  title: string;
  status: string | null;
  status_raw: string | null;
  priority: string;
  depends_on: string[];
  needs_human: boolean;
  /** Who holds the task (`task claim --as NAME`); null when nobody does. */
  assignee: string | null;
  workplan_id: string | null;
  repo_slug: string;
  file: string;
  line: number;
}

export interface TaskDetail extends TaskItem {
  priority_raw: string | null;
  end_line: number;
  /** Where the task is declared: `block`, `frontmatter`, `task-file` (two when a workplan declares it twice). */
  declared_in: string[];
  /** Whether the document declaring it has valid front-matter. */
  valid: boolean;
  description: string;
  /** First and last line of the description, or null when there is none. */
  description_lines: [number, number] | null;
  acceptance_criteria: AcceptanceCriterion[];
  fields: Record<string, unknown>;
}

export function taskItem(row: TaskListRow): TaskItem {
  return {
    id: row.task_id,
    local_id: row.local_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    priority: row.priority,
    depends_on: row.depends_on,
    needs_human: row.needs_human === 1,
    assignee: row.assignee,
    workplan_id: row.workplan_id,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}

export function taskDetail(row: TaskRow): TaskDetail {
  return {
    ...taskItem(row),
    priority_raw: row.priority_raw,
    end_line: row.end_line,
    declared_in: row.source.split('+'),
    valid: row.doc_valid === 1,
    description: row.description,
    description_lines: row.description_start === null ? null : [row.description_start, row.description_end as number],
    acceptance_criteria: JSON.parse(row.acceptance) as AcceptanceCriterion[],
    fields: JSON.parse(row.fields) as Record<string, unknown>,
  };
}
