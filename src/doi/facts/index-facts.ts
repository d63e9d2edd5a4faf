// Facts read from the index for one repo (C6, C10, and C14's list of in_progress tasks).
// A repo's task rows are read once and shared by the groups that need them.
import type { IndexDb } from '../../index/db.js';
import { allGoals } from '../../index/queries/dispatch.js';
import {
  parseErrorRows,
  planningDocumentCounts,
  repoInProgressRows,
  repoTaskRows,
  type RepoTaskRow,
} from '../../index/queries/doi.js';
import type { GoalInfo } from '../../dispatch/types.js';
import { activeGoalFor } from '../goals.js';
import type { GoalFact, LocatedProblem } from '../model.js';

export interface RepoIndexFacts {
  planning_documents: number;
  parse_errors: LocatedProblem[];
  active_goal: GoalFact | null;
}

export class IndexReader {
  private counts: Map<string, number> | null = null;
  private readonly tasks = new Map<string, RepoTaskRow[]>();

  /** `goals`: every goal of the workspace, when the caller has read them already. */
  constructor(
    private readonly db: IndexDb,
    private goals: GoalInfo[] | null = null,
  ) {}

  allGoals(): GoalInfo[] {
    return (this.goals ??= allGoals(this.db));
  }

  taskRows(slug: string): RepoTaskRow[] {
    let rows = this.tasks.get(slug);
    if (!rows) this.tasks.set(slug, (rows = repoTaskRows(this.db, slug)));
    return rows;
  }

  inProgress(slug: string): RepoTaskRow[] {
    const all = this.tasks.get(slug);
    return all ? all.filter((t) => t.status === 'in_progress') : repoInProgressRows(this.db, slug);
  }

  repoFacts(repo: { slug: string; domain: string | null }): RepoIndexFacts {
    this.counts ??= planningDocumentCounts(this.db);
    return {
      planning_documents: this.counts.get(repo.slug) ?? 0,
      parse_errors: parseErrorRows(this.db, repo.slug),
      active_goal: activeGoalFor(this.allGoals(), repo),
    };
  }
}
