// A repo's active goal for DoI is the one dispatch shows: dispatch's ranking, on the same goals.
// DoI only adds whether it came through the repo's domain, and which goals can change the answer.
import { activeGoal, domainGoals, repoGoals } from '../dispatch/goals.js';
import type { GoalInfo } from '../dispatch/types.js';
import type { GoalFact } from './model.js';

/** The goals whose change can change the repo's answer (for its cache fingerprint). */
export function goalsConcerning(goals: readonly GoalInfo[], repo: { slug: string; domain: string | null }): GoalInfo[] {
  const concerning = new Set([...repoGoals(goals, repo.slug), ...domainGoals(goals, repo.domain)]);
  return goals.filter((g) => g.repo === repo.slug || concerning.has(g));
}

export function activeGoalFor(goals: readonly GoalInfo[], repo: { slug: string; domain: string | null }): GoalFact | null {
  const goal = activeGoal(goals, repo.slug, repo.domain);
  if (goal === null) return null;
  const viaDomain = repoGoals([goal], repo.slug).length === 0;
  return { id: goal.id, title: goal.title, priority: goal.priority, repo_slug: goal.repo, file: goal.file, via_domain: viaDomain };
}
