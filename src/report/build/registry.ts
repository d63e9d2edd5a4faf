// Domains, repos (with their DoI tier, their active goal and how much work they hold), active
// goals and interface changes, as the report lists them.
import type { DispatchDocument } from '../../dispatch/assemble.js';
import { compareGoals } from '../../dispatch/goals.js';
import { compareCodePoints } from '../../dispatch/order.js';
import type { QueueTask } from '../../dispatch/types.js';
import type { InputInterfaceChange, ReportInput } from '../input.js';
import type { RepoCounts, ReportDomain, ReportGoal, ReportInterfaceChange, ReportRepo } from '../model.js';
import type { QueueRows } from './queue-rows.js';
import type { TaskLists } from './task-lists.js';

/**
 * Domains by slug: in the federated view several sources register the same domain (it is the
 * organisation's), and it is one card and one filter choice, as its first source describes it.
 */
export function reportDomains(input: ReportInput): ReportDomain[] {
  const seen = new Set<string>();
  return input.domains
    .filter((d) => !seen.has(d.slug) && seen.add(d.slug))
    .map((d) => ({ slug: d.slug, name: d.name, description: d.description, status: d.status, source: d.source ?? null }));
}

export function reportRepos(input: ReportInput, rows: QueueRows, lists: TaskLists, pending: readonly { task: QueueTask }[], dispatches: ReadonlyMap<string, DispatchDocument>): ReportRepo[] {
  const counts = new Map<string, RepoCounts>();
  const countsOf = (repo: string) => {
    let c = counts.get(repo);
    if (!c) counts.set(repo, (c = { pending: 0, ready: 0, blocked: 0, human: 0, workstreams: 0, done: 0, total: 0 }));
    return c;
  };
  for (const task of rows.tasks) {
    const c = countsOf(task.repo);
    c.total++;
    if (task.status === 'done') c.done++;
  }
  for (const entry of pending) countsOf(entry.task.repo).pending++;
  for (const entry of lists.ready) countsOf(entry.task.repo).ready++;
  for (const entry of lists.blocked) countsOf(entry.task.repo).blocked++;
  for (const entry of lists.human) countsOf(entry.task.repo).human++;
  for (const [repo, dispatch] of dispatches) countsOf(repo).workstreams = dispatch.active_workstreams.length;
  return input.repos.map((repo) => ({
    slug: repo.slug,
    name: repo.name,
    domain: repo.domain,
    description: repo.description,
    status: repo.status,
    tier: repo.doi.tier,
    commit: repo.commit,
    branch: repo.branch,
    source: repo.source ?? null,
    active_goal: dispatches.get(repo.slug)?.active_goal?.id ?? null,
    counts: { ...countsOf(repo.slug) },
  }));
}

/** Active goals, first priority first (as dispatch ranks them). */
export function reportGoals(input: ReportInput, rows: QueueRows): ReportGoal[] {
  return input.goals
    .map((goal, i) => ({ goal, info: rows.goals[i] }))
    .filter(({ goal }) => goal.status === 'active')
    .sort((a, b) => compareGoals(a.info, b.info))
    .map(({ goal }) => {
      const domainGoal = goal.repo === null && goal.domain !== null;
      return {
        id: goal.id,
        title: goal.title,
        priority: goal.priority,
        repo_slug: goal.repo_slug,
        scope: domainGoal ? 'domain' : 'repo',
        target: domainGoal ? goal.domain : (goal.repo ?? goal.repo_slug),
        file: goal.file,
        source: goal.source ?? null,
      };
    });
}

const CHANGE_STATES: Readonly<Record<string, number>> = { draft: 0, published: 1, resolved: 2 };

/** Every interface change, by state (draft, published, resolved, anything else), then soonest planned. */
export function reportInterfaceChanges(input: ReportInput): ReportInterfaceChange[] {
  return [...input.interface_changes].sort(compareChanges).map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status,
    change_type: c.change_type,
    interface_type: c.interface_type,
    origin_repo: c.origin_repo,
    affected_repos: c.affected_repos,
    planned_for: c.planned_for,
    published_at: c.published_at,
    resolved_at: c.resolved_at,
    repo_slug: c.repo_slug,
    file: c.file,
    source: c.source ?? null,
  }));
}

function compareChanges(a: InputInterfaceChange, b: InputInterfaceChange): number {
  return (
    stateRank(a.status) - stateRank(b.status) ||
    compareOptional(a.planned_for, b.planned_for) ||
    compareOptional(a.published_at, b.published_at) ||
    compareCodePoints(a.repo_slug, b.repo_slug) ||
    compareCodePoints(a.id ?? '', b.id ?? '') ||
    compareCodePoints(a.file, b.file)
  );
}

function stateRank(status: string | null): number {
  return status !== null && Object.hasOwn(CHANGE_STATES, status) ? CHANGE_STATES[status] : 3;
}

function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareCodePoints(a, b);
}
