// Active workstreams with their progress: the ones `dispatch` lists for each repo (active
// workplans with pending tasks, then the repo's backlog), in its order, each with the count of
// its tasks by status.
import { buildDispatch, type DispatchDocument } from '../../dispatch/assemble.js';
import type { DependencyLookup, QueueTask } from '../../dispatch/types.js';
import { resolveWorkstream, type WorkplanCatalog } from '../../dispatch/workstreams.js';
import type { ReportWorkstream, WorkstreamCounts } from '../model.js';
import type { QueueRows } from './queue-rows.js';

export interface RepoRef {
  slug: string;
  domain: string | null;
  source: string | null;
}

/** Each repo's dispatch document (without interface changes: the report lists those itself). */
export function repoDispatches(repos: readonly RepoRef[], rows: QueueRows, catalog: WorkplanCatalog, lookup: DependencyLookup): Map<string, DispatchDocument> {
  const byRepo = groupBy(rows.tasks, (task) => task.repo);
  const out = new Map<string, DispatchDocument>();
  for (const repo of repos) {
    if (out.has(repo.slug)) continue;
    out.set(
      repo.slug,
      buildDispatch({ repo: repo.slug, domain: repo.domain, tasks: byRepo.get(repo.slug) ?? [], catalog, lookup, goals: rows.goals, interfaceChanges: [], syncedAt: null }),
    );
  }
  return out;
}

export function reportWorkstreams(repos: readonly RepoRef[], dispatches: ReadonlyMap<string, DispatchDocument>, rows: QueueRows, catalog: WorkplanCatalog): ReportWorkstream[] {
  const counts = workstreamCounts(rows.tasks, catalog);
  const sources = new Map(repos.map((repo) => [repo.slug, repo.source]));
  const out: ReportWorkstream[] = [];
  const seen = new Set<string>();
  for (const dispatch of dispatches.values()) {
    for (const ws of dispatch.active_workstreams) {
      const key = ws.file === null ? backlogKey(ws.repo_slug) : workplanKey(ws.repo_slug, ws.file);
      // A workplan other repos' task files attach to is listed by those repos' dispatch too.
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        id: ws.id,
        title: ws.title,
        repo_slug: ws.repo_slug,
        file: ws.file,
        ready: ws.pending_tasks.filter((task) => task.ready).length,
        counts: counts.get(key) ?? emptyCounts(),
        source: sources.get(ws.repo_slug) ?? null,
      });
    }
  }
  return out;
}

function workstreamCounts(tasks: readonly QueueTask[], catalog: WorkplanCatalog): Map<string, WorkstreamCounts> {
  const out = new Map<string, WorkstreamCounts>();
  for (const task of tasks) {
    const ws = resolveWorkstream(task, catalog);
    const key = ws.kind === 'workplan' ? workplanKey(ws.workplan.repo, ws.workplan.file) : ws.kind === 'backlog' ? backlogKey(ws.repo) : null;
    if (key === null) continue;
    let counts = out.get(key);
    if (!counts) out.set(key, (counts = emptyCounts()));
    counts.total++;
    const status = task.status;
    if (status === 'todo' || status === 'in_progress' || status === 'blocked' || status === 'done' || status === 'cancelled') counts[status]++;
  }
  return out;
}

const workplanKey = (repo: string, file: string) => `w\u0000${repo}\u0000${file}`;
const backlogKey = (repo: string) => `b\u0000${repo}`;

function emptyCounts(): WorkstreamCounts {
  return { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, total: 0 };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
