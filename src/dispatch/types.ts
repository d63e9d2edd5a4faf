// The rows the ready queue is computed from (what the index holds, nothing more) and the
// shapes it answers with. Pure data: the queue never reads a file or the index itself.

/** A task as the queue needs it. */
export interface QueueTask {
  /** Index row id: identifies the declaration when ids are duplicated. */
  row_id: number;
  /** Index row id of the document declaring the task (its workplan, or its task file). */
  document_id: number;
  repo: string;
  /** Repo-relative path of the file declaring the task. */
  file: string;
  /** Position of the task among its document's tasks. */
  ordinal: number;
  line: number;
  id: string | null;
  /** The containing workplan's id, or a task file's `workplan:` (null: the repo's backlog). */
  workplan_id: string | null;
  title: string;
  /** Normalised status; null for a value outside the vocabulary. */
  status: string | null;
  priority: string;
  needs_human: boolean;
  /** Who holds the task; null when nobody does. */
  assignee: string | null;
  /** False when the declaring file's front-matter failed to parse: such a task is never ready. */
  doc_valid: boolean;
  /** True for a one-task-per-file task; false for a block or list item inside a workplan. */
  in_task_file: boolean;
  depends_on: string[];
}

/** A workplan document as a workstream. */
export interface WorkplanInfo {
  row_id: number;
  repo: string;
  file: string;
  id: string | null;
  title: string | null;
  status: string | null;
  valid: boolean;
  created: string | null;
}

/** What a dependency id (or a task's own id) resolves to: one entry per declaration. */
export interface DependencyTarget {
  repo: string;
  status: string | null;
}

/** Every declaration of an id in the workspace (empty: the id names no task). */
export type DependencyLookup = (id: string) => readonly DependencyTarget[];

export type BlockedReason = 'not-done' | 'unknown' | 'cancelled' | 'ambiguous';

export interface BlockedBy {
  id: string;
  reason: BlockedReason;
  status: string | null;
}

/** The workstream a task belongs to: a workplan, the repo's backlog, or nothing it can be worked under. */
export type Workstream =
  | { kind: 'workplan'; workplan: WorkplanInfo }
  | { kind: 'backlog'; repo: string }
  | { kind: 'unresolved'; reason: 'unknown-workplan' | 'ambiguous-workplan' };

export interface Assessment {
  ready: boolean;
  blocked_by: BlockedBy[];
}

export interface GoalInfo {
  repo: string;
  file: string;
  id: string | null;
  title: string | null;
  status: string | null;
  /** Integer priority, lower first; null when missing (sorts last). */
  priority: number | null;
  /** The goal's `repo:` and `domain:` fields as written. */
  repo_field: string | null;
  domain: string | null;
}

export interface InterfaceChangeInfo {
  repo: string;
  file: string;
  id: string | null;
  title: string | null;
  status: string | null;
  /** Front-matter as written (change_type, interface_type, affected_*, dates, …). */
  fields: Record<string, unknown>;
  /** Affected repo slugs, as indexed. */
  affected_repos: string[];
}
