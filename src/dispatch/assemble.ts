// The dispatch document of one repo: its active goal, its active workstreams with their pending
// tasks, the ready queue, the tasks that need a human and the interface changes to react to.
// Pure: the caller hands in the rows; `limitDispatch` trims the lists for output. Each list carries
// its full count (`pending_total`, `ready_tasks_total`, `human_interventions_total`) whether or not
// it is trimmed, so a caller asking for a short answer still learns how much there is.
import { compareCodePoints, compareKeys } from './order.js';
import { activeGoal } from './goals.js';
import { pendingInterfaceChanges, type PendingInterfaceChange } from './interface-changes.js';
import { assessQueue, type QueueEntry } from './queue.js';
import { PENDING_STATUSES, workstreamOpen } from './readiness.js';
import type { BlockedBy, DependencyLookup, GoalInfo, InterfaceChangeInfo, QueueTask } from './types.js';
import { backlogId, type WorkplanCatalog } from './workstreams.js';

export interface DispatchInput {
  repo: string;
  /** The repo's domain in the registry (its goals are the fallback active goal). */
  domain: string | null;
  /** The repo's tasks; only pending ones (todo, in_progress, blocked) are listed. */
  tasks: readonly QueueTask[];
  catalog: WorkplanCatalog;
  lookup: DependencyLookup;
  goals: readonly GoalInfo[];
  interfaceChanges: readonly InterfaceChangeInfo[];
  /** When sync last wrote this repo's rows (ISO 8601), null if never. */
  syncedAt: string | null;
}

/** What holds a task back, and the repo of the dependency when it names one task (null: none or several). */
export interface DispatchBlock extends BlockedBy {
  repo_slug: string | null;
}

export interface DispatchTaskItem {
  id: string | null;
  title: string;
  status: string | null;
  priority: string;
  needs_human: boolean;
  assignee: string | null;
  ready: boolean;
  blocked_by: DispatchBlock[];
  file: string;
  line: number;
}

export interface DispatchWorkstream {
  id: string | null;
  title: string | null;
  status: string;
  repo_slug: string;
  file: string | null;
  pending_tasks: DispatchTaskItem[];
  /** How many pending tasks the workstream has, listed or not. */
  pending_total: number;
  /** Present when `pending_tasks` was trimmed to the limit. */
  truncated?: true;
}

export interface DispatchGoal {
  id: string | null;
  title: string | null;
  priority: number | null;
  repo_slug: string;
  file: string;
}

export interface DispatchDocument {
  schema_version: 1;
  kind: 'dispatch';
  repo_slug: string;
  active_goal: DispatchGoal | null;
  active_workstreams: DispatchWorkstream[];
  ready_tasks: (string | null)[];
  ready_tasks_total: number;
  ready_tasks_truncated?: true;
  human_interventions: DispatchTaskItem[];
  human_interventions_total: number;
  human_interventions_truncated?: true;
  pending_interface_changes: PendingInterfaceChange[];
  last_state_synced_at: string | null;
}

export function buildDispatch(input: DispatchInput): DispatchDocument {
  const pending = input.tasks.filter((task) => task.repo === input.repo && task.status !== null && PENDING_STATUSES.has(task.status));
  const queue = assessQueue(pending, input.catalog, input.lookup).filter((entry) => workstreamOpen(entry.workstream));
  const goal = activeGoal(input.goals, input.repo, input.domain);
  const ready = queue.filter((entry) => entry.ready).map((entry) => entry.task.id);
  const human = queue.filter((entry) => entry.task.needs_human).map((entry) => taskItem(entry, input.lookup));
  return {
    schema_version: 1,
    kind: 'dispatch',
    repo_slug: input.repo,
    active_goal: goal && { id: goal.id, title: goal.title, priority: goal.priority, repo_slug: goal.repo, file: goal.file },
    active_workstreams: workstreams(queue, input.lookup),
    ready_tasks: ready,
    ready_tasks_total: ready.length,
    human_interventions: human,
    human_interventions_total: human.length,
    pending_interface_changes: pendingInterfaceChanges(input.interfaceChanges, input.repo),
    last_state_synced_at: isoSeconds(input.syncedAt),
  };
}

/** Workstreams in order (by `created`, then id; the backlog last), each with its pending tasks, ready ones first. */
function workstreams(queue: QueueEntry[], lookup: DependencyLookup): DispatchWorkstream[] {
  const groups = new Map<string, { first: QueueEntry; entries: QueueEntry[] }>();
  for (const entry of queue) {
    const ws = entry.workstream;
    const key = ws.kind === 'workplan' ? `w${ws.workplan.row_id}` : ws.kind === 'backlog' ? `b${ws.repo}` : 'u';
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { first: entry, entries: [entry] });
  }
  return [...groups.values()]
    .sort((a, b) => compareWorkstreams(a.first, b.first))
    .map(({ first, entries }) => {
      const ws = first.workstream;
      const tasks = [...entries].sort((a, b) => Number(b.ready) - Number(a.ready) || compareKeys(a.key, b.key)).map((entry) => taskItem(entry, lookup));
      if (ws.kind === 'workplan') {
        const { workplan } = ws;
        return {
          id: workplan.id,
          title: workplan.title,
          status: workplan.status ?? 'active',
          repo_slug: workplan.repo,
          file: workplan.file,
          pending_tasks: tasks,
          pending_total: tasks.length,
        };
      }
      const repo = ws.kind === 'backlog' ? ws.repo : first.task.repo;
      return { id: backlogId(repo), title: 'Backlog', status: 'active', repo_slug: repo, file: null, pending_tasks: tasks, pending_total: tasks.length };
    });
}

function compareWorkstreams(a: QueueEntry, b: QueueEntry): number {
  const x = a.key;
  const y = b.key;
  const wa = a.workstream.kind === 'workplan' ? a.workstream.workplan : null;
  const wb = b.workstream.kind === 'workplan' ? b.workstream.workplan : null;
  return (
    x.backlog - y.backlog ||
    x.undated - y.undated ||
    compareCodePoints(x.created, y.created) ||
    compareCodePoints(x.workstream, y.workstream) ||
    compareCodePoints(wa?.repo ?? '', wb?.repo ?? '') ||
    compareCodePoints(wa?.file ?? '', wb?.file ?? '')
  );
}

function taskItem(entry: QueueEntry, lookup: DependencyLookup): DispatchTaskItem {
  const { task } = entry;
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    priority: task.priority,
    needs_human: task.needs_human,
    assignee: task.assignee,
    ready: entry.ready,
    // A dependency in another repo is first-class: say where it is.
    blocked_by: entry.blocked_by.map((block) => {
      const targets = block.reason === 'unknown' ? [] : lookup(block.id);
      return { ...block, repo_slug: targets.length === 1 ? targets[0].repo : null };
    }),
    file: task.file,
    line: task.line,
  };
}

/** `2026-11-23T21:40:00.123Z` → `2026-11-23T21:40:00Z` (UTC, whole seconds). */
export function isoSeconds(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
