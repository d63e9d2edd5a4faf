// Drift between what a workplan says and what its tasks say (DoI C13), from index rows:
// - `completed` with a task still open (anything but done or cancelled, an unknown status included);
// - `active` with every task done or cancelled (a workplan with no tasks never drifts this way);
// - a task declared in both forms whose status or title disagree between the list item and the block;
// - a workplan using both forms whose sets of ids differ.
// A workplan's tasks are its list items and blocks plus the task files of the same repo naming it.
import { isMapping, qualifyTaskId, stringField, taskValues } from '../documents/fields.js';
import type { RepoTaskRow, RepoWorkplanRow } from '../index/queries/doi.js';
import type { DriftFinding } from './model.js';

const CLOSED = new Set(['done', 'cancelled']);

export function findDrift(workplans: readonly RepoWorkplanRow[], tasks: readonly RepoTaskRow[]): DriftFinding[] {
  const byDocument = new Map<number, RepoTaskRow[]>();
  const filesByWorkplan = new Map<string, RepoTaskRow[]>();
  for (const task of tasks) {
    if (task.source === 'file') {
      if (task.workplan_id !== null) push(filesByWorkplan, task.workplan_id, task);
    } else {
      push(byDocument, task.document_id, task);
    }
  }
  const findings: DriftFinding[] = [];
  for (const wp of workplans) {
    const declared = byDocument.get(wp.row_id) ?? [];
    const all = [...declared, ...(wp.doc_id !== null ? (filesByWorkplan.get(wp.doc_id) ?? []) : [])];
    const where = { workplan_id: wp.doc_id, file: wp.path, line: wp.line };
    const open = all.filter((t) => !CLOSED.has(t.status ?? ''));
    if (wp.status === 'completed' && open.length > 0) {
      const first = open[0];
      findings.push({
        kind: 'completed-with-open-tasks',
        ...where,
        reason: `completed with ${open.length} open task${open.length === 1 ? '' : 's'} (${name(first)} is ${first.status ?? 'of unknown status'})`,
      });
    }
    if (wp.status === 'active' && all.length > 0 && open.length === 0) {
      findings.push({ kind: 'active-all-closed', ...where, reason: `active but all ${all.length} of its tasks are done or cancelled` });
    }
    findings.push(...mirrorFindings(wp, declared), ...formFindings(wp, declared));
  }
  return findings;
}

/** Tasks declared in both forms whose list item and block disagree on status or title. */
function mirrorFindings(wp: RepoWorkplanRow, declared: RepoTaskRow[]): DriftFinding[] {
  const mirrored = declared.filter((t) => t.source === 'block+list');
  if (mirrored.length === 0) return [];
  const items = listItems(wp);
  const findings: DriftFinding[] = [];
  for (const task of mirrored) {
    const item = items.find((i) => qualifyTaskId(stringField(i, 'id'), wp.doc_id).id === task.task_id);
    if (!item) continue;
    const listStatus = taskValues(item).status;
    const listTitle = stringField(item, 'title');
    const where = { workplan_id: wp.doc_id, file: wp.path, line: task.line };
    if (listStatus !== task.status) {
      findings.push({
        kind: 'mirror-disagrees',
        ...where,
        reason: `${name(task)} is ${listStatus ?? 'of unknown status'} in the tasks: list but ${task.status ?? 'of unknown status'} in its block`,
      });
    } else if (listTitle !== null && listTitle !== task.title) {
      findings.push({ kind: 'mirror-disagrees', ...where, reason: `${name(task)} is titled "${listTitle}" in the tasks: list but "${task.title}" in its block` });
    }
  }
  return findings;
}

/** A workplan using both forms whose list and blocks name different tasks. */
function formFindings(wp: RepoWorkplanRow, declared: RepoTaskRow[]): DriftFinding[] {
  const listOnly = declared.filter((t) => t.source === 'list');
  const blockOnly = declared.filter((t) => t.source === 'block');
  const paired = declared.some((t) => t.source === 'block+list');
  const usesBoth = (listOnly.length > 0 || paired) && (blockOnly.length > 0 || paired);
  if (!usesBoth || (listOnly.length === 0 && blockOnly.length === 0)) return [];
  const parts = [
    listOnly.length > 0 ? `only in the tasks: list: ${listOnly.map(name).join(', ')}` : null,
    blockOnly.length > 0 ? `only in blocks: ${blockOnly.map(name).join(', ')}` : null,
  ].filter((p) => p !== null);
  const first = [...listOnly, ...blockOnly].sort((a, b) => a.line - b.line)[0];
  return [{ kind: 'task-sets-differ', workplan_id: wp.doc_id, file: wp.path, line: first.line, reason: `task list and blocks differ (${parts.join('; ')})` }];
}

function listItems(wp: RepoWorkplanRow): Record<string, unknown>[] {
  let fields: unknown;
  try {
    fields = JSON.parse(wp.fields);
  } catch {
    return [];
  }
  const list = isMapping(fields) ? fields.tasks : undefined;
  return Array.isArray(list) ? list.filter(isMapping) : [];
}

function name(task: RepoTaskRow): string {
  return task.local_id ?? task.task_id ?? `(task at line ${task.line})`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
