// A criterion is data plus one pure function (as an ESLint rule is): its id, tier, the group of
// facts it reads, a line of documentation, and evaluate(facts, now) → pass/fail/skip with detail.
import type { CheckFacts, CriterionId, CriterionTier, HistoryFacts, IndexFacts, Outcome, TreeFacts } from './model.js';

/**
 * Criteria are cached by group: each group's result is keyed by a fingerprint of exactly the
 * inputs its facts come from, so a change re-evaluates only the groups it can affect.
 */
export interface GroupFacts {
  tree: TreeFacts;
  history: HistoryFacts;
  index: IndexFacts;
  check: CheckFacts;
}

export type GroupName = keyof GroupFacts;

export interface Criterion<G extends GroupName = GroupName> {
  id: CriterionId;
  tier: CriterionTier;
  group: G;
  /** The criterion in a few words (the DESIGN table's wording). */
  title: string;
  /** A paragraph of documentation: what passes, what fails, what skips. */
  docs: string;
  /** Pure: the same facts and clock give the same outcome. `now` matters only to C11 and C14. */
  evaluate(facts: GroupFacts[G], now: Date): Outcome;
}

export type AnyCriterion = { [G in GroupName]: Criterion<G> }[GroupName];

export const pass = (detail: string): Outcome => ({ status: 'pass', detail });
export const fail = (detail: string): Outcome => ({ status: 'fail', detail });
export const skip = (detail: string): Outcome => ({ status: 'skip', detail });

/**
 * The outcome of a criterion that reads the checkout when there is none to read: a fail (it cannot
 * be verified), pointing at C2 where the cause is reported.
 */
export function checkoutMissing(checkout: { exists: boolean; work_tree: string | null }): Outcome | null {
  if (!checkout.exists) return fail('checkout not found on this host (see C2)');
  if (checkout.work_tree === null) return fail('checkout is not inside a git work tree (see C2)');
  return null;
}

/** "first (and 3 more)" for a detail line that names one of several findings. */
export function andMore(count: number): string {
  return count > 1 ? ` (and ${count - 1} more)` : '';
}

/** A message cut to its first line, for one-line details. */
export function firstLine(text: string): string {
  const line = text.split(/\r\n|\r|\n/, 1)[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export const DAY_SECONDS = 86_400;

/** Whole days between a commit time (seconds) and now, never negative. */
export function ageInDays(committedAt: number, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() / 1000 - committedAt) / DAY_SECONDS));
}

/** `2026-01-31` for a commit time in seconds. */
export function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
