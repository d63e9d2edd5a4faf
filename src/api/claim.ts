// `task claim <id> --as NAME` and `task release <id>`: taking a task and giving it back. A claim
// sets `status: in_progress` and `assignee: NAME` in one edit, only when the task is ready, todo
// and held by nobody else (claiming again as NAME changes nothing). Exclusive within a clone
// through the file's lock; across machines with `push` (src/workspace/git-push.ts).
import { claimDecision, releaseDecision, type ClaimRefusal } from '../dispatch/claim.js';
import { assessTask } from '../dispatch/readiness.js';
import { resolveWorkstream, workplanCatalog } from '../dispatch/workstreams.js';
import type { ParseResult } from '../documents/model.js';
import { claimEdits, releaseEdits } from '../edit/task-claim.js';
import { usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, toQueueTask, workplansOf } from '../index/queries/dispatch.js';
import type { TaskRow } from '../index/queries/tasks.js';
import { loadWorkspace, type WorkspaceOptions } from './context.js';
import type { TaskDetail } from './items/task.js';
import type { PushOutcome } from '../workspace/git-push.js';
import { currentOf, editTask, taskConflict, type TaskEditRequest, type TaskEditResult } from './task-edit.js';

export interface ClaimOptions extends WorkspaceOptions {
  /** A task id, or `repo:id`. */
  id: string;
  /** Who takes it: an agent's or a person's name. */
  as: string;
  /** Commit the file and push the branch: the remote decides between agents on other machines. */
  push?: boolean;
  /** Decide and compute the edit, write nothing. */
  dryRun?: boolean;
}

export interface ReleaseOptions extends WorkspaceOptions {
  id: string;
  /** Only if this name holds it (default: whoever does). */
  as?: string;
  push?: boolean;
  dryRun?: boolean;
}

/** What `push` did: the commit it pushed to which remote branch (null: nothing to push). */
export interface PushItem {
  remote: string;
  branch: string;
  commit: string | null;
  attempts: number;
}

export interface ClaimDocument {
  schema_version: 1;
  kind: 'claim' | 'release';
  task: TaskDetail;
  /** False when the task was already in that state: the file was left as it was. */
  changed: boolean;
  /** The edit as a unified diff ('' when unchanged). */
  diff: string;
  /** False with `dryRun`. */
  written: boolean;
  push: PushItem | null;
}

export async function claim(options: ClaimOptions): Promise<ClaimDocument> {
  const name = checkName(options.as);
  const ws = await loadWorkspace(options);
  const result = await editTask({
    ws,
    options,
    ref: options.id,
    precheck: (db, row) => refuseUnready(db, row, name),
    ...claimRequest(name, options),
  });
  return document('claim', result, options.dryRun);
}

/** The file half of a claim: the decision on what the file says under its lock, the edit, the check. */
export function claimRequest(name: string, options: { push?: boolean; dryRun?: boolean }): Pick<TaskEditRequest, 'plan' | 'confirm' | 'push' | 'dryRun'> {
  return {
    plan: async (text, { task }, parsed) => {
      const decision = claimDecision(task, name);
      if (decision.kind === 'refuse') throw refusal(decision.reason, task.id!, task, name);
      return decision.kind === 'held' ? [] : claimEdits(parsed.file, text, task.id!, name);
    },
    confirm: (parsed, id) => confirmState(parsed, id, 'in_progress', name),
    push: options.push ? { message: (id) => `custodian: claim ${id} for ${name}` } : undefined,
    dryRun: options.dryRun,
  };
}

export async function release(options: ReleaseOptions): Promise<ClaimDocument> {
  const name = options.as === undefined ? undefined : checkName(options.as);
  const ws = await loadWorkspace(options);
  let holder: string | null = null;
  const result = await editTask({
    ws,
    options,
    ref: options.id,
    plan: async (text, { task }, parsed) => {
      const decision = releaseDecision(task, name);
      if (decision.kind === 'refuse') throw refusal(decision.reason, task.id!, task, name);
      holder = task.assignee;
      return decision.kind === 'free' ? [] : releaseEdits(parsed.file, text, task.id!);
    },
    confirm: (parsed, id) => confirmState(parsed, id, 'todo', null),
    push: options.push ? { message: (id) => `custodian: release ${id}${holder ? ` from ${holder}` : ''}` } : undefined,
    dryRun: options.dryRun,
  });
  return document('release', result, options.dryRun);
}

export function pushItem(push: PushOutcome | null): PushItem | null {
  return push && { remote: push.remote, branch: push.branch, commit: push.commit, attempts: push.attempts };
}

function document(kind: 'claim' | 'release', result: TaskEditResult, dryRun: boolean | undefined): ClaimDocument {
  const push = pushItem(result.push);
  return { schema_version: 1, kind, task: result.task, changed: result.outcome.changed, diff: result.outcome.diff, written: !dryRun && result.outcome.changed, push };
}

/** A name is one line of text: it is written as a YAML value and compared exactly. */
export function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '' || /[\r\n]/.test(name) || name.length > 200) throw usageError('--as needs a name: one line of text, e.g. --as agent-7');
  return name;
}

/** The index's view first (fresh: synced just now): a task that is not ready is refused before its file is touched. */
function refuseUnready(db: IndexDb, row: TaskRow, name: string): void {
  const held = { status: row.status, assignee: row.assignee };
  const decision = claimDecision({ ...held, needs_human: row.needs_human === 1 }, name);
  if (decision.kind === 'refuse') throw refusal(decision.reason, row.task_id!, held, name);
  if (decision.kind === 'held') return;
  const task = toQueueTask(row, row.depends_on);
  const workstream = resolveWorkstream(task, workplanCatalog(workplansOf(db, [task])));
  const { ready, blocked_by } = assessTask(task, workstream, dependencyLookupFor(db, [task]));
  if (!ready) {
    const why = blocked_by.length ? `it waits for ${blocked_by.map((b) => `${b.id} (${b.reason})`).join(', ')}` : 'its workplan is not active or the task cannot be named';
    throw taskConflict('not-ready', `task ${row.task_id} is not ready: ${why}`, currentOf(held));
  }
}

function refusal(reason: ClaimRefusal, id: string, task: { status: string | null; assignee: string | null }, name: string | undefined) {
  const state = `${task.status ?? 'of unknown status'}${task.assignee ? `, held by ${task.assignee}` : ''}`;
  const message =
    reason === 'taken'
      ? `task ${id} is taken (${state}); ${name ? `${name} cannot have it` : 'not changing it'}: do not retry`
      : `task ${id} is not open work (${state}); not changing it`;
  return taskConflict(reason, message, currentOf(task));
}

function confirmState(parsed: ParseResult, id: string, status: string, assignee: string | null): string | null {
  const tasks = parsed.documents.flatMap((d) => d.tasks).filter((t) => t.id === id);
  if (tasks.length !== 1) return `task ${id} would not be declared exactly once after the edit`;
  const [task] = tasks;
  if (task.status_raw !== status || task.assignee !== assignee) return `task ${id} would read status ${task.status_raw}, assignee ${task.assignee ?? 'none'}`;
  const mirror = task.mirror;
  if (mirror && (mirror.status_raw !== status || (mirror.fields.assignee ?? null) !== assignee)) return `the front-matter list item of ${id} would disagree with its block`;
  return null;
}
