// Row factories for the pure dispatch tests: the shapes the index hands to src/dispatch.
import type { GoalInfo, InterfaceChangeInfo, QueueTask, WorkplanInfo } from '../../src/dispatch/types.js';

let nextRow = 1000;

export function workplan(id: string, fields: Partial<WorkplanInfo> = {}): WorkplanInfo {
  return { row_id: nextRow++, repo: 'api', file: `workplans/${id}.md`, id, title: `Plan ${id}`, status: 'active', valid: true, created: '2026-01-01', ...fields };
}

/** A task declared in `plan` (a block), or a task file when `plan` is null. */
export function task(id: string | null, plan: WorkplanInfo | null, fields: Partial<QueueTask> = {}): QueueTask {
  return {
    row_id: nextRow++,
    document_id: plan ? plan.row_id : nextRow++,
    repo: plan?.repo ?? 'api',
    file: plan ? plan.file : `docs/tasks/${id}.md`,
    ordinal: 0,
    line: 1,
    id,
    workplan_id: plan?.id ?? null,
    title: `Task ${id}`,
    status: 'todo',
    priority: 'medium',
    needs_human: false,
    assignee: null,
    doc_valid: true,
    in_task_file: plan === null,
    depends_on: [],
    ...fields,
  };
}

export function goal(id: string, fields: Partial<GoalInfo> = {}): GoalInfo {
  return { repo: 'api', file: `goals/${id}.md`, id, title: `Goal ${id}`, status: 'active', priority: null, repo_field: null, domain: null, ...fields };
}

export function change(id: string, fields: Partial<InterfaceChangeInfo> = {}): InterfaceChangeInfo {
  return { repo: 'api', file: `interface-changes/${id}.md`, id, title: `Change ${id}`, status: 'published', fields: {}, affected_repos: ['cli'], ...fields };
}
