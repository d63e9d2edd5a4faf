// DESIGN's order of the criteria, for sorting results without loading the criteria themselves
// (the cached path of \`doi\` needs the order, not the rules).
import type { CriterionId, CriterionResult } from './model.js';

export const CRITERION_IDS: readonly CriterionId[] = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14'];

/** Results in DESIGN's order (C1 … C14). */
export function inCriterionOrder(results: readonly CriterionResult[]): CriterionResult[] {
  return [...results].sort((a, b) => CRITERION_IDS.indexOf(a.id) - CRITERION_IDS.indexOf(b.id));
}
