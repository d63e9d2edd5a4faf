// buildReport: a snapshot or the federated view in, the report document out. Pure: no clock
// unless one is given, no I/O; ordering and readiness come from src/dispatch.
import { DEFAULT_LIMIT } from '../../dispatch/limit.js';
import { lookupFrom } from '../../dispatch/queue.js';
import { workplanCatalog } from '../../dispatch/workstreams.js';
import type { ReportInput } from '../input.js';
import type { ReportDocument, ReportOrigin } from '../model.js';
import { reportGraph } from './graph.js';
import { queueRows } from './queue-rows.js';
import { reportDomains, reportGoals, reportInterfaceChanges, reportRepos } from './registry.js';
import { limitPerRepo, openQueue, reportTask, taskLists } from './task-lists.js';
import { repoDispatches, reportWorkstreams } from './workstreams.js';

/** Per repo and list: as many as `dispatch` lists by default (0: no limit). */
export const DEFAULT_REPORT_LIMIT = DEFAULT_LIMIT;

export interface BuildOptions {
  limit?: number;
  /** The time the report is made; omitted, `generated_at` is null (same input, same bytes). */
  now?: Date;
}

export function buildReport(input: ReportInput, options: BuildOptions = {}): ReportDocument {
  const limit = options.limit ?? DEFAULT_REPORT_LIMIT;
  const rows = queueRows(input);
  const catalog = workplanCatalog(rows.workplans);
  const lookup = lookupFrom(rows.tasks);
  const queue = openQueue(rows, catalog, lookup);
  const lists = taskLists(queue);
  const repos = input.repos.map((r) => ({ slug: r.slug, domain: r.domain, source: r.source ?? null }));
  const dispatches = repoDispatches(repos, rows, catalog, lookup);
  const repoOf = (entry: { task: { repo: string } }) => entry.task.repo;
  const ready = limitPerRepo(lists.ready, limit, repoOf);
  const blocked = limitPerRepo(lists.blocked, limit, repoOf);
  const human = limitPerRepo(lists.human, limit, repoOf);
  const listed = new Set([...ready, ...blocked, ...human].map((entry) => entry.task));
  const toItem = (entry: (typeof queue)[number]) => reportTask(entry, rows, lookup);
  return {
    schema_version: 1,
    kind: 'report',
    origin: origin(input),
    complete: input.complete ?? true,
    generated_at: options.now ? options.now.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
    limit,
    sources: (input.sources ?? []).map((s) => ({ name: s.name, required: s.required, included: s.included, received_at: s.received_at, error: s.last_error })),
    domains: reportDomains(input),
    repos: reportRepos(input, rows, lists, queue, dispatches),
    goals: reportGoals(input, rows),
    workstreams: limitPerRepo(reportWorkstreams(repos, dispatches, rows, catalog), limit, (ws) => ws.repo_slug),
    ready_tasks: ready.map(toItem),
    blocked_tasks: blocked.map(toItem),
    human_tasks: human.map(toItem),
    interface_changes: reportInterfaceChanges(input),
    graph: reportGraph(rows.tasks, catalog, listed),
  };
}

function origin(input: ReportInput): ReportOrigin {
  return input.kind === 'federation' ? 'federation' : input.mode === 'single-repo' ? 'single-repo' : 'workspace';
}
