// Task rows as JSON items and as terminal lines.
import type { TaskRow } from '../../index/queries/tasks.js';
import type { Colors } from '../output.js';

/** What the files say about a task, plus where it lives. No sync timestamps: the answer is reproducible. */
export function taskItem(row: TaskRow) {
  return {
    id: row.task_id,
    local_id: row.local_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    priority: row.priority,
    depends_on: row.depends_on,
    needs_human: row.needs_human === 1,
    workplan_id: row.workplan_id,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}

export function taskDetail(row: TaskRow) {
  return {
    ...taskItem(row),
    priority_raw: row.priority_raw,
    end_line: row.end_line,
    declared_in: row.source.split('+'),
    valid: row.doc_valid === 1,
    description: row.description,
    description_lines: row.description_start === null ? null : [row.description_start, row.description_end],
    acceptance_criteria: JSON.parse(row.acceptance) as unknown[],
    fields: JSON.parse(row.fields) as Record<string, unknown>,
  };
}

const STATUS_MARK: Record<string, string> = { todo: ' ', in_progress: '~', blocked: '!', done: 'x', cancelled: '-' };

export function taskLine(row: TaskRow, color: Colors, idWidth: number): string {
  const status = row.status ?? `?${row.status_raw}`;
  const mark = STATUS_MARK[row.status ?? ''] ?? '?';
  const paint = row.status === 'done' || row.status === 'cancelled' ? color.dim : row.status === 'blocked' ? color.yellow : (s: string) => s;
  return paint(`[${mark}] ${(row.task_id ?? '(no id)').padEnd(idWidth)}  ${status.padEnd(11)}  ${row.priority.padEnd(8)}  ${row.title}`);
}
