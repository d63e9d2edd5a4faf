// The shapes DoI works with: a criterion's outcome, a repo's report item, and the facts each
// group of criteria reads. Facts are gathered once per repo (at the edge: git, the index, the
// file system); criteria are pure functions of them.
import type { DomainConfig, RepoConfig, WorkspaceMode } from '../workspace/types.js';

export type CriterionId = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9' | 'C10' | 'C11' | 'C12' | 'C13' | 'C14';
export type CriterionTier = 'core' | 'standard' | 'full';
export type Tier = 'none' | CriterionTier;
export type CriterionStatus = 'pass' | 'fail' | 'skip';

/** What a criterion says: pass, fail or skip, with one line a person can act on. */
export interface Outcome {
  status: CriterionStatus;
  detail: string;
}

export interface CriterionResult extends Outcome {
  id: CriterionId;
  tier: CriterionTier;
}

export interface DoiItem {
  repo_slug: string;
  tier: Tier;
  criteria: CriterionResult[];
  /** When the oldest of the cached evaluations this item rests on was made (ISO 8601, UTC). */
  checked_at: string;
}

/** Where the repo's checkout stands on this host, read from files (no git process). */
export interface CheckoutFacts {
  /** Absolute checkout path (host path or path). */
  path: string;
  /** The folder exists. */
  exists: boolean;
  /** The enclosing work tree, when the folder is inside one. */
  work_tree: string | null;
  /** The checkout's place inside its work tree ('' at the top). */
  prefix: string;
  /** HEAD's commit, null with no commits (or outside a work tree). */
  head: string | null;
  /** HEAD's branch, null when detached. */
  branch: string | null;
  shallow: boolean;
  /** `remote.origin.url`, null when there is none. */
  origin: string | null;
}

/** Facts the registry holds about the repo and its domain. */
export interface RegistryFacts {
  mode: WorkspaceMode;
  repo: RepoConfig;
  /** The repo's domain entry; null when the domain is not registered (or in single-repo mode). */
  domain: DomainConfig | null;
}

/** C2–C5, C8, C9, C12: the checkout and the tree of HEAD. */
export interface TreeFacts extends RegistryFacts {
  checkout: CheckoutFacts;
  /** HEAD's root commits (rev-list --max-parents=0); empty with no commits or in a shallow clone. */
  roots: string[];
  /** Files committed in HEAD under the checkout, relative to it. */
  files: string[];
  /** README.md as committed has a `## Scope` section (null: no README.md committed, or not read). */
  readme_scope: boolean | null;
}

/** C11, C14: when things were last committed. */
export interface HistoryFacts extends RegistryFacts {
  checkout: CheckoutFacts;
  /** Committed SBOM files (relative to the checkout). */
  sbom_paths: string[];
  /** Newest commit time (seconds) among the SBOM files, null when none is committed. */
  sbom_committed_at: number | null;
  stale_candidates: TouchedTask[];
}

/** An in_progress task and when its lines were last touched. */
export interface TouchedTask {
  task_id: string | null;
  file: string;
  line: number;
  /** Newest commit time (seconds) among the task's lines; null when a line is not committed (touched now). */
  touched_at: number | null;
  /** The commit of the newest line (null with touched_at; absent in facts cached before it was recorded). */
  commit?: string | null;
  /**
   * False when touched_at is only a lower bound: the time of the commit that created the file within
   * the staleness window (every line is at least that recent; blame was not needed to know it is fresh).
   */
  exact: boolean;
}

/** C1, C6, C10: the registry and what the index says about the repo's documents. */
export interface IndexFacts extends RegistryFacts {
  checkout: Pick<CheckoutFacts, 'path' | 'exists' | 'work_tree'>;
  /** Workplan and task-file documents of the repo. */
  planning_documents: number;
  /** Parser errors in the repo's planning files, in file order. */
  parse_errors: LocatedProblem[];
  /** The repo's active goal (DESIGN's goal rules), or null. */
  active_goal: GoalFact | null;
}

export interface GoalFact {
  /** Null for a goal that declares no id (dispatch shows it too; schema/invalid reports it). */
  id: string | null;
  title: string | null;
  priority: number | null;
  repo_slug: string;
  file: string;
  /** Found through the repo's domain rather than the repo itself. */
  via_domain: boolean;
}

export interface LocatedProblem {
  file: string;
  line: number;
  rule_id: string;
  message: string;
  /** `check --fix` can fix it. */
  fixable?: boolean;
}

/** C7 and C13: what `check` reports for the repo. */
export interface CheckFacts extends RegistryFacts {
  checkout: Pick<CheckoutFacts, 'path' | 'exists' | 'work_tree'>;
  /** Error-severity diagnostics (C7). */
  errors: LocatedProblem[];
  /** Diagnostics of the workplan rules, any severity (C13: statuses and task lists that disagree). */
  drift: LocatedProblem[];
}
