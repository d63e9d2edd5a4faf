// `task list` and `task show`.
import { CustodianError, notFound } from '../../errors.js';
import { findTasksById, selectTasks, type TaskRow } from '../../index/queries/tasks.js';
import type { CliContext } from '../context.js';
import { taskDetail, taskItem, taskLine } from '../format/task.js';
import { colors, writeJson, writeLines } from '../output.js';
import { selectedRepos, selectedStatuses, type ListFlags } from './filters.js';
import { openFreshIndex } from './workspace.js';

export async function taskList(ctx: CliContext, flags: ListFlags & { json?: boolean; sync?: boolean }): Promise<void> {
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  const rows = selectTasks(db, { repos: selectedRepos(ws, flags), statuses: selectedStatuses('task', flags) });
  db.close();
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'task-list', mode: ws.mode, items: rows.map(taskItem) });
    return;
  }
  const color = colors();
  const width = Math.max(0, ...rows.map((r) => (r.task_id ?? '(no id)').length));
  let repo = '';
  const lines: string[] = [];
  for (const row of rows) {
    if (row.repo !== repo) {
      if (repo) lines.push('');
      lines.push(color.bold(row.repo));
      repo = row.repo;
    }
    lines.push(`  ${taskLine(row, color, width)}`);
  }
  writeLines(lines.length ? lines : ['no tasks']);
}

export async function taskShow(ctx: CliContext, ref: string, flags: { json?: boolean; sync?: boolean }): Promise<void> {
  const { db } = await openFreshIndex(ctx, { sync: flags.sync });
  const row = uniqueTask(findTasksById(db, ref), ref);
  db.close();
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'task', task: taskDetail(row) });
    return;
  }
  const detail = taskDetail(row);
  const color = colors();
  const lines = [
    `${color.bold(detail.id ?? '(no id)')}  ${detail.title}`,
    `status ${detail.status ?? `?${detail.status_raw}`}, priority ${detail.priority}${detail.needs_human ? ', needs a human' : ''}`,
    `${detail.repo_slug}/${detail.file}:${detail.line}${detail.workplan_id ? `  (workplan ${detail.workplan_id})` : ''}`,
  ];
  if (detail.depends_on.length) lines.push(`depends on ${detail.depends_on.join(', ')}`);
  if (detail.description) lines.push('', detail.description);
  writeLines(lines);
}

/** The one task a reference names; a duplicated id answers `ambiguous` and asks for repo:id. */
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
