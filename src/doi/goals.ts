// A repo's active goal by DESIGN's rules: its goals are those naming it with `repo:` (wherever
// they live) and those living in it with neither `repo:` nor `domain:`; the active one with the
// lowest priority wins (missing priority last, ties by id). With none, the lowest active goal
// naming the repo's domain with `domain:` (and no `repo:`: a goal naming a repo belongs to it).
import type { GoalRow } from '../index/queries/doi.js';
import type { GoalFact } from './model.js';

export function isOwnGoal(goal: GoalRow, slug: string): boolean {
  return goal.repo_field === slug || (goal.repo === slug && goal.repo_field === null && goal.domain === null);
}

export function isDomainGoal(goal: GoalRow, domain: string | null): boolean {
  return domain !== null && goal.domain === domain && goal.repo_field === null;
}

/** The goals whose change can change the repo's answer (for its cache fingerprint). */
export function goalsConcerning(goals: readonly GoalRow[], repo: { slug: string; domain: string | null }): GoalRow[] {
  return goals.filter((g) => g.repo === repo.slug || isOwnGoal(g, repo.slug) || isDomainGoal(g, repo.domain));
}

export function activeGoalFor(goals: readonly GoalRow[], repo: { slug: string; domain: string | null }): GoalFact | null {
  const active = goals.filter((g) => g.status === 'active');
  const own = lowest(active.filter((g) => isOwnGoal(g, repo.slug)));
  if (own) return fact(own, false);
  const shared = lowest(active.filter((g) => isDomainGoal(g, repo.domain)));
  return shared ? fact(shared, true) : null;
}

function lowest(goals: GoalRow[]): GoalRow | undefined {
  return [...goals].sort((a, b) => rank(a.priority) - rank(b.priority) || (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0))[0];
}

function rank(priority: number | null): number {
  return priority === null || priority < 0 ? Number.POSITIVE_INFINITY : priority;
}

function fact(goal: GoalRow, viaDomain: boolean): GoalFact {
  return { id: goal.doc_id, title: goal.title, priority: goal.priority, repo_slug: goal.repo, file: goal.path, via_domain: viaDomain };
}
