// The slow path of \`doi\`: recompute every stale group of every selected repo, git work running
// concurrently (bounded), C7 and C13 from one run of the check engine over the repos that need it.
import type { IndexDb } from '../index/db.js';
import type { GoalInfo } from '../dispatch/types.js';
import type { Workspace } from '../workspace/types.js';
import type { RepoPlan } from './evaluate.js';
import { checkFindings } from './facts/check-errors.js';
import { IndexReader } from './facts/index-facts.js';
import { limiter } from './facts/limit.js';
import { refreshCheckGroups, refreshRepoGroups, type FreshEntries } from './refresh.js';
import type { GroupEntry } from './cache.js';

export interface Refreshed {
  /** Per plan (same order), the groups recomputed for it. */
  fresh: FreshEntries[];
  /** C7 and C13 per repo whose check group was stale. */
  checked: Map<string, { entry: GroupEntry; uncached: boolean }>;
}

export async function refreshAll(
  ws: Workspace,
  db: IndexDb,
  plans: RepoPlan[],
  goals: GoalInfo[],
  options: { now: Date; concurrency: number },
): Promise<Refreshed> {
  const reader = new IndexReader(db, goals);
  const limit = limiter(options.concurrency);
  const checkedAt = options.now.toISOString();
  const fresh = await Promise.all(plans.map((plan) => (plan.stale.length > 0 ? refreshRepoGroups(plan, { db, reader, limit }, options.now, checkedAt) : Promise.resolve({ entries: {}, uncached: false }))));
  const checked = await refreshCheckGroups(plans, (stale) => checkFindings(ws, db, stale), options.now, checkedAt);
  return { fresh, checked };
}
