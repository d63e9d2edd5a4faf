// A repo's goals and its active goal. A repo's goals name it with `repo:`, or live in it naming
// neither `repo:` nor `domain:`; the active goal is the lowest-priority active one (a missing
// priority last, ties by id), else the lowest active goal naming the repo's domain.
import { compareCodePoints } from './order.js';
import type { GoalInfo } from './types.js';

export function repoGoals(goals: readonly GoalInfo[], repo: string): GoalInfo[] {
  return goals.filter((goal) => goal.repo_field === repo || (goal.repo === repo && goal.repo_field === null && goal.domain === null));
}

export function domainGoals(goals: readonly GoalInfo[], domain: string | null): GoalInfo[] {
  if (domain === null) return [];
  return goals.filter((goal) => goal.repo_field === null && goal.domain === domain);
}

export function activeGoal(goals: readonly GoalInfo[], repo: string, domain: string | null): GoalInfo | null {
  return firstActive(repoGoals(goals, repo)) ?? firstActive(domainGoals(goals, domain));
}

function firstActive(goals: readonly GoalInfo[]): GoalInfo | null {
  const active = goals.filter((goal) => goal.status === 'active').sort(compareGoals);
  return active[0] ?? null;
}

export function compareGoals(a: GoalInfo, b: GoalInfo): number {
  const pa = a.priority ?? Infinity;
  const pb = b.priority ?? Infinity;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return compareCodePoints(a.id ?? '', b.id ?? '') || compareCodePoints(a.repo, b.repo) || compareCodePoints(a.file, b.file);
}
