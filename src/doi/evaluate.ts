// `doi`: every selected repo's 14 criteria, served from the cache where each group's fingerprint
// is unchanged, recomputed where it is not. The cached path reads files and the index only: no
// git process starts unless a group is stale (HEAD moved, a file changed, a new day, …).
import type { IndexDb } from '../index/db.js';
import { allGoals } from '../index/queries/dispatch.js';
import { repoStamps } from '../index/queries/doi.js';
import type { Workspace } from '../workspace/types.js';
import { readCachedRepos, repoRow, writeCacheRows, type CacheRow, type CachedRepo, type GroupEntries, type GroupEntry } from './cache.js';
import type { GroupName } from './criterion.js';
import { inCriterionOrder } from './criterion-order.js';
import { readCheckout } from './facts/checkout.js';
import { combinedFingerprint, groupFingerprints, type Fingerprints } from './fingerprint.js';
import { goalsConcerning } from './goals.js';
import { idSetDigest } from './id-set.js';
import type { CheckoutFacts, DoiItem, RegistryFacts } from './model.js';
import type { Refreshed } from './refresh-all.js';
import { compareByTier, tierOf } from './tiers.js';

export const GROUPS: readonly GroupName[] = ['tree', 'history', 'index', 'check'];

export interface DoiOptions {
  /** Only these repos (default: every registered repo). */
  repos?: readonly string[];
  /** The clock C11 and C14 compare with, and what checked_at records. */
  now: Date;
  /** Recompute every group, whatever the cache holds. */
  refresh?: boolean;
  /** Git processes running at once (default 8). */
  concurrency?: number;
}

export interface DoiRun {
  /** Worst tier first, ties by slug. */
  items: DoiItem[];
  /** Per repo, the groups evaluated afresh in this run ([] when served wholly from the cache). */
  recomputed: Record<string, GroupName[]>;
}

/** What one repo needs for this run: its facts so far, fingerprints, and the cache's entry. */
export interface RepoPlan {
  registry: RegistryFacts;
  checkout: CheckoutFacts;
  fingerprints: Fingerprints;
  combined: string;
  cached: CachedRepo | undefined;
  stale: GroupName[];
}

export async function evaluateDoi(ws: Workspace, db: IndexDb, options: DoiOptions): Promise<DoiRun> {
  const repos = options.repos ? ws.repos.filter((r) => options.repos!.includes(r.slug)) : ws.repos;
  const checkouts = await Promise.all(repos.map((r) => readCheckout(r.checkout)));
  const goals = allGoals(db);
  const stamps = repoStamps(db);
  const idSet = idSetDigest(db, stamps);
  const slugs = {
    domains: ws.domains.map((d) => [d.slug, d.status]).sort(),
    repos: ws.repos.map((r) => r.slug).sort(),
  };
  const day = options.now.toISOString().slice(0, 10);
  const cache = readCachedRepos(db, repos.map((r) => r.slug));

  const plans: RepoPlan[] = repos.map((repo, i) => {
    const registry: RegistryFacts = { mode: ws.mode, repo, domain: ws.domains.find((d) => d.slug === repo.domain) ?? null };
    const fingerprints = groupFingerprints({
      registry,
      checkout: checkouts[i],
      stamp: stamps.get(repo.slug) ?? null,
      day,
      goals: goalsConcerning(goals, repo),
      id_set: idSet,
      slugs,
    });
    const combined = combinedFingerprint(fingerprints);
    const cached = cache.get(repo.slug);
    const stale =
      options.refresh || !cached
        ? [...GROUPS]
        : cached.fingerprint === combined
          ? []
          : GROUPS.filter((g) => cached.groups[g]?.fingerprint !== fingerprints[g]);
    return { registry, checkout: checkouts[i], fingerprints, combined, cached, stale };
  });

  // What recomputing needs (git, the criteria, the check engine) is loaded only when something is stale.
  const { fresh, checked }: Refreshed = plans.some((p) => p.stale.length > 0)
    ? await (await import('./refresh-all.js')).refreshAll(ws, db, plans, goals, { now: options.now, concurrency: options.concurrency ?? 8 })
    : { fresh: plans.map(() => ({ entries: {}, uncached: false })), checked: new Map() };

  const recomputed: Record<string, GroupName[]> = {};
  const writes: CacheRow[] = [];
  const items = plans.map((plan, i) => {
    const slug = plan.registry.repo.slug;
    const groups: GroupEntries = { ...plan.cached?.groups, ...fresh[i].entries };
    const checkEntry = checked.get(slug);
    if (checkEntry) groups.check = checkEntry.entry;
    recomputed[slug] = plan.stale;
    const failedToGather = fresh[i].uncached || checkEntry?.uncached === true;
    if (plan.stale.length > 0 && !failedToGather) writes.push(repoRow(slug, plan.combined, pick(groups)));
    const facts = fresh[i].facts;
    if (facts) writes.push(facts);
    return itemOf(slug, groups);
  });
  writeCacheRows(db, writes);
  return { items: items.sort(compareByTier), recomputed };
}

/** Only the current groups (a cache row never carries entries of groups that no longer exist). */
function pick(groups: GroupEntries): GroupEntries {
  const out: GroupEntries = {};
  for (const g of GROUPS) if (groups[g]) out[g] = groups[g];
  return out;
}

function itemOf(slug: string, groups: GroupEntries): DoiItem {
  const entries = GROUPS.map((g) => groups[g]).filter((e): e is GroupEntry => e !== undefined);
  const criteria = inCriterionOrder(entries.flatMap((e) => e.results));
  const checked_at = entries.map((e) => e.checked_at).sort()[0] ?? '';
  return { repo_slug: slug, tier: tierOf(criteria), criteria, checked_at };
}
