// `GET /v1/repos/{slug}/dispatch`: the CLI's dispatch document (src/dispatch/assemble.ts, the same
// code), computed over the federation: the repo's tasks with dependencies, workstreams, goals and
// interface changes looked up across every included source.
import { buildDispatch, type DispatchDocument } from '../../dispatch/assemble.js';
import { limitDispatch } from '../../dispatch/limit.js';
import { PENDING_STATUSES } from '../../dispatch/readiness.js';
import { findRepo } from './repos.js';
import type { FederatedView } from './types.js';

export interface FederatedDispatchOptions {
  repo: string;
  /** The source, when two sources claim the slug. */
  source?: string;
  /** As the CLI's --limit (0: all). */
  limit: number;
}

export function federatedDispatch(view: FederatedView, options: FederatedDispatchOptions): DispatchDocument {
  const repo = findRepo(view, options.repo, options.source);
  const tasks = view.tasks.filter(
    (t) => t.repo === repo.slug && view.sourceOf.get(t.row_id) === repo.source && t.status !== null && PENDING_STATUSES.has(t.status),
  );
  const doc = buildDispatch({
    repo: repo.slug,
    domain: repo.domain,
    tasks,
    catalog: view.catalog,
    lookup: view.lookup,
    goals: view.goals,
    interfaceChanges: view.interfaceChanges,
    // The state is as fresh as the snapshot the hub holds for the repo's source.
    syncedAt: view.receivedAt.get(repo.source) ?? null,
  });
  return limitDispatch(doc, options.limit);
}
