// `GET /v1/doi`: the CLI's doi-report over the federation, from each repo's snapshot: worst tier
// first (ties by slug, then source); `checked_at` is when the hub received the snapshot.
import type { CriterionResult, Tier } from '../../doi/model.js';
import { compareByTier } from '../../doi/tiers.js';
import { compareCodePoints } from '../../dispatch/order.js';
import type { FederatedView } from './types.js';

export interface FederatedDoiItem {
  source: string;
  repo_slug: string;
  tier: Tier;
  criteria: CriterionResult[];
  checked_at: string | null;
}

export interface FederatedDoiDocument {
  schema_version: 1;
  kind: 'doi-report';
  mode: 'federation';
  items: FederatedDoiItem[];
}

export function federatedDoi(view: FederatedView, repo?: string): FederatedDoiDocument {
  const items = view.document.repos
    .filter((r) => repo === undefined || r.slug === repo)
    .map((r) => ({ source: r.source, repo_slug: r.slug, tier: r.doi.tier, criteria: r.doi.criteria, checked_at: view.receivedAt.get(r.source) ?? null }))
    .sort((a, b) => compareByTier(a, b) || compareCodePoints(a.source, b.source));
  return { schema_version: 1, kind: 'doi-report', mode: 'federation', items };
}
