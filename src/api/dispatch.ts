// `dispatch <repo>`: the repo's rows from the index, assembled by src/dispatch, trimmed by `limit`.
import { buildDispatch, type DispatchDocument, type DispatchInput } from '../dispatch/assemble.js';
import { DEFAULT_LIMIT, limitDispatch } from '../dispatch/limit.js';
import { workplanCatalog } from '../dispatch/workstreams.js';
import { unknownRepo, usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { dependencyLookupFor, goalsFor, interfaceChangesAffecting, repoSyncedAt, selectQueueTasks, workplansOf } from '../index/queries/dispatch.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';

export type { DispatchDocument };

export interface DispatchOptions extends WorkspaceOptions {
  /** The repo's slug. */
  repo: string;
  /**
   * At most this many pending tasks per workstream, ready ids and human interventions (default
   * 50; 0: all). Each list carries its full count (`pending_total`, `…_total`) whatever the limit;
   * a trimmed list also says so (`truncated`, `…_truncated`).
   */
  limit?: number;
}

export async function dispatch(options: DispatchOptions): Promise<DispatchDocument> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw usageError(`limit must be a whole number (0 for no limit), got ${limit}`);
  const ws = await loadWorkspace(options);
  return withIndex(ws, options, (db) => {
    const repo = ws.repos.find((r) => r.slug === options.repo);
    if (!repo) throw unknownRepo(options.repo);
    return limitDispatch(buildDispatch(dispatchInput(db, repo.slug, repo.domain)), limit);
  });
}

function dispatchInput(db: IndexDb, repo: string, domain: string | null): DispatchInput {
  const tasks = selectQueueTasks(db, { repos: [repo], statuses: ['todo', 'in_progress', 'blocked'] });
  return {
    repo,
    domain,
    tasks,
    catalog: workplanCatalog(workplansOf(db, tasks)),
    lookup: dependencyLookupFor(db, tasks),
    goals: goalsFor(db, repo, domain),
    interfaceChanges: interfaceChangesAffecting(db, repo),
    syncedAt: repoSyncedAt(db, repo),
  };
}
