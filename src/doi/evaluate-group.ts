// Applies a group's criteria to its facts (pure), and what a group says when its facts could not
// be gathered (a git failure: every criterion of the group fails, and the result is not cached).
import { CRITERIA } from './criteria/index.js';
import type { Criterion, GroupFacts, GroupName } from './criterion.js';
import type { CriterionResult } from './model.js';

export function evaluateGroup<G extends GroupName>(group: G, facts: GroupFacts[G], now: Date): CriterionResult[] {
  return CRITERIA.filter((c) => c.group === group).map((c) => {
    const outcome = (c as unknown as Criterion<G>).evaluate(facts, now);
    return { id: c.id, tier: c.tier, status: outcome.status, detail: outcome.detail };
  });
}

export function failedGroup(group: GroupName, error: unknown): CriterionResult[] {
  const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  return CRITERIA.filter((c) => c.group === group).map((c) => ({
    id: c.id,
    tier: c.tier,
    status: 'fail' as const,
    detail: `could not gather its facts: ${message}`,
  }));
}
