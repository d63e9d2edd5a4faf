// The tier a repo reaches (DESIGN): core if C1–C5 pass, standard if also C6–C10, full if also
// C11–C14, else none. A skip counts as a pass.
import type { CriterionResult, CriterionTier, Tier } from './model.js';

export const TIER_ORDER: readonly Tier[] = ['none', 'core', 'standard', 'full'];
const LADDER: readonly CriterionTier[] = ['core', 'standard', 'full'];

export function tierOf(results: readonly CriterionResult[]): Tier {
  let reached: Tier = 'none';
  for (const tier of LADDER) {
    if (results.some((r) => r.tier === tier && r.status === 'fail')) break;
    reached = tier;
  }
  return reached;
}

/** Worst tier first (none, core, standard, full), ties by slug. */
export function compareByTier(a: { tier: Tier; repo_slug: string }, b: { tier: Tier; repo_slug: string }): number {
  return TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || (a.repo_slug < b.repo_slug ? -1 : a.repo_slug > b.repo_slug ? 1 : 0);
}
