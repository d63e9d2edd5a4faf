// `workplan list` and `workplan show`.
import { CustodianError, notFound } from '../../errors.js';
import { selectDocuments, taskCountsByDocument, type DocumentRow, type TaskCounts } from '../../index/queries/documents.js';
import { selectTasks, splitRef } from '../../index/queries/tasks.js';
import type { CliContext } from '../context.js';
import { taskItem, taskLine } from '../format/task.js';
import { colors, writeJson, writeLines } from '../output.js';
import { selectedRepos, selectedStatuses, type ListFlags } from './filters.js';
import { openFreshIndex } from './workspace.js';

const EMPTY: TaskCounts = { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 };

function workplanItem(row: DocumentRow, counts: TaskCounts | undefined) {
  const fields = JSON.parse(row.fields) as Record<string, unknown>;
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    domain: row.domain,
    owner: typeof fields.owner === 'string' ? fields.owner : null,
    created: row.created,
    updated: row.updated,
    completed: row.completed,
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
    task_counts: counts ?? EMPTY,
  };
}

export async function workplanList(ctx: CliContext, flags: ListFlags & { json?: boolean; sync?: boolean }): Promise<void> {
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  const rows = selectDocuments(db, { kind: 'workplan', repos: selectedRepos(ws, flags), statuses: selectedStatuses('workplan', flags) });
  const counts = taskCountsByDocument(db, rows.map((r) => r.row_id));
  db.close();
  const items = rows.map((row) => workplanItem(row, counts.get(row.row_id)));
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'workplan-list', mode: ws.mode, items });
    return;
  }
  const color = colors();
  const width = Math.max(0, ...items.map((i) => (i.id ?? '(no id)').length));
  writeLines(
    items.length
      ? items.map((i) => {
          const c = i.task_counts;
          const progress = `${c.done + c.cancelled}/${c.total}`.padStart(7);
          return `${(i.id ?? '(no id)').padEnd(width)}  ${(i.status ?? `?${i.status_raw}`).padEnd(9)}  ${progress}  ${color.dim(i.repo_slug)}  ${i.title ?? ''}`;
        })
      : ['no workplans'],
  );
}

export async function workplanShow(ctx: CliContext, ref: string, flags: { json?: boolean; sync?: boolean }): Promise<void> {
  const { db } = await openFreshIndex(ctx, { sync: flags.sync });
  const { repo, id } = splitRef(ref);
  const rows = selectDocuments(db, { kind: 'workplan', docIds: [id], ...(repo ? { repos: [repo] } : {}) });
  if (rows.length === 0) throw notFound(`no workplan ${ref} in the workspace`);
  if (rows.length > 1) {
    throw new CustodianError('ambiguous', `workplan id ${ref} is used ${rows.length} times: ${rows.map((r) => `${r.repo}:${r.doc_id} (${r.path})`).join(', ')}; name one as repo:id`);
  }
  const row = rows[0];
  const tasks = selectTasks(db, { documentId: row.row_id });
  const counts = taskCountsByDocument(db, [row.row_id]);
  db.close();
  const item = workplanItem(row, counts.get(row.row_id));
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'workplan', workplan: { ...item, fields: JSON.parse(row.fields), tasks: tasks.map(taskItem) } });
    return;
  }
  const color = colors();
  const width = Math.max(0, ...tasks.map((t) => (t.task_id ?? '(no id)').length));
  writeLines([
    `${color.bold(item.id ?? '(no id)')}  ${item.title ?? ''}`,
    `status ${item.status ?? `?${item.status_raw}`}, ${item.task_counts.done}/${item.task_counts.total} tasks done  ${color.dim(`${item.repo_slug}/${item.file}`)}`,
    '',
    ...tasks.map((t) => `  ${taskLine(t, color, width)}`),
  ]);
}
