// Recomputing the stale groups of a repo: gather the group's facts (git, the index), apply its
// criteria, and stamp the entry with its fingerprint. The tree runs before the history, which
// reads the tree's SBOM paths (fresh, or exported by the cached tree entry); the history reuses
// its commit times from an earlier day when nothing but the day changed.
import type { IndexDb } from '../index/db.js';
import { historyFactsRow, readHistoryFacts, type CacheRow, type GroupEntries, type GroupEntry, type HistoryFactsRow } from './cache.js';
import { STALE_AFTER_DAYS } from './criteria/C14-no-stale-tasks.js';
import { DAY_SECONDS, type GroupName } from './criterion.js';
import { evaluateGroup, failedGroup } from './evaluate-group.js';
import type { RepoPlan } from './evaluate.js';
import { readHistory } from './facts/history.js';
import type { IndexReader } from './facts/index-facts.js';
import type { Limiter } from './facts/limit.js';
import { readTree } from './facts/tree.js';
import type { CheckFindings } from './facts/check-errors.js';
import type { CriterionResult } from './model.js';
import { sbomPaths } from './sbom.js';

export interface FreshEntries {
  entries: GroupEntries;
  /** A group's facts could not be gathered: its failure is reported, never cached. */
  uncached: boolean;
  /** Facts gathered with git to keep beside the results (the history's commit times). */
  facts?: CacheRow;
}

/** What recomputing reads: the index (rows, and the history's git facts cached in it) and a git process bound. */
export interface RefreshSources {
  db: IndexDb;
  reader: IndexReader;
  limit: Limiter;
}

export async function refreshRepoGroups(plan: RepoPlan, sources: RefreshSources, now: Date, checkedAt: string): Promise<FreshEntries> {
  const { registry, checkout } = plan;
  const stale = new Set(plan.stale);
  const entries: GroupEntries = {};
  const entry = (group: GroupName, results: CriterionResult[], exports?: GroupEntry['exports']): GroupEntry => ({
    fingerprint: plan.fingerprints[group],
    checked_at: checkedAt,
    results,
    ...(exports ? { exports } : {}),
  });

  const windowStart = Math.floor(now.getTime() / 1000) - STALE_AFTER_DAYS * DAY_SECONDS;
  const known = stale.has('history') && !stale.has('tree') ? reusableHistory(plan, sources.db, windowStart) : null;
  let facts: CacheRow | undefined;
  let sbom = plan.cached?.groups.tree?.exports?.sbom_paths;
  let failure: unknown = null;
  // The history reads the tree's SBOM paths: without them from the cache, the tree is gathered too.
  if (stale.has('tree') || (stale.has('history') && known === null && sbom === undefined)) {
    if (!stale.has('tree')) plan.stale = [...plan.stale, 'tree'];
    try {
      const tree = await readTree(checkout, sources.limit);
      sbom = sbomPaths(tree.files);
      entries.tree = entry('tree', evaluateGroup('tree', { ...registry, checkout, ...tree }, now), { sbom_paths: sbom });
    } catch (error) {
      entries.tree = entry('tree', failedGroup('tree', error));
      failure = error;
    }
  }
  if (stale.has('history')) {
    try {
      // Without the tree there are no SBOM paths: C11 cannot be judged either.
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what a group's gathering threw
      if (failure !== null) throw failure;
      let history = known;
      if (history === null) {
        history = await gatherHistory(plan, sources, sbom ?? [], windowStart);
        facts = historyFactsRow(registry.repo.slug, plan.fingerprints.history_facts, history);
      }
      entries.history = entry('history', evaluateGroup('history', { ...registry, checkout, ...history }, now));
    } catch (error) {
      entries.history = entry('history', failedGroup('history', error));
      failure ??= error;
    }
  }
  if (stale.has('index')) {
    entries.index = entry('index', evaluateGroup('index', { ...registry, checkout, ...sources.reader.repoFacts(registry.repo) }, now));
  }
  return { entries, uncached: failure !== null, ...(facts ? { facts } : {}) };
}

/**
 * The history's git facts gathered on an earlier day, when only the day changed since: C11/C14 are
 * re-judged from them without git, unless a file known only as "created within the window" has
 * left the window since (then only blame can tell how old its tasks are).
 */
function reusableHistory(plan: RepoPlan, db: IndexDb, windowStart: number): HistoryFactsRow | null {
  const known = readHistoryFacts(db, plan.registry.repo.slug, plan.fingerprints.history_facts);
  if (known === null) return null;
  return known.stale_candidates.every((t) => t.exact || t.touched_at === null || t.touched_at >= windowStart) ? known : null;
}

async function gatherHistory({ registry, checkout }: RepoPlan, { reader, limit }: RefreshSources, sbom: string[], windowStart: number): Promise<HistoryFactsRow> {
  return { sbom_paths: sbom, ...(await readHistory(checkout, sbom, reader.inProgress(registry.repo.slug), windowStart, limit)) };
}

/** C7 and C13 for every repo whose check group is stale, from one run of the check engine. */
export async function refreshCheckGroups(
  plans: readonly RepoPlan[],
  fetchFindings: (slugs: string[]) => Promise<Map<string, CheckFindings>>,
  now: Date,
  checkedAt: string,
): Promise<Map<string, { entry: GroupEntry; uncached: boolean }>> {
  const stale = plans.filter((p) => p.stale.includes('check'));
  const out = new Map<string, { entry: GroupEntry; uncached: boolean }>();
  if (stale.length === 0) return out;
  let findings: Map<string, CheckFindings> | null = null;
  let failure: unknown = null;
  try {
    findings = await fetchFindings(stale.map((p) => p.registry.repo.slug));
  } catch (error) {
    failure = error;
  }
  for (const plan of stale) {
    const slug = plan.registry.repo.slug;
    const results = findings
      ? evaluateGroup('check', { ...plan.registry, checkout: plan.checkout, ...(findings.get(slug) ?? { errors: [], drift: [] }) }, now)
      : failedGroup('check', failure);
    out.set(slug, { entry: { fingerprint: plan.fingerprints.check, checked_at: checkedAt, results }, uncached: findings === null });
  }
  return out;
}
