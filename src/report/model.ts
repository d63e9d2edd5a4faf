// The report document: what the dashboard shows, as the JSON `custodian report --json` prints and
// the HTML page embeds. Built from a snapshot or the federated view by src/report/build; the page
// is one template over it (src/report/view) and its script only filters and lays it out.
import type { BlockedReason } from '../dispatch/types.js';
import type { InterfaceChangeFields } from '../documents/interface-change.js';

export type ReportOrigin = 'workspace' | 'single-repo' | 'federation';

export interface ReportDocument {
  schema_version: 1;
  kind: 'report';
  origin: ReportOrigin;
  /** False when the federated view lacks a required source (the page says so first). */
  complete: boolean;
  /** When the report was made (ISO 8601, UTC); null when the caller gives no clock. */
  generated_at: string | null;
  /** At most this many items per repo in each task list and in the workstreams (0: no limit). */
  limit: number;
  sources: ReportSource[];
  domains: ReportDomain[];
  repos: ReportRepo[];
  goals: ReportGoal[];
  workstreams: ReportWorkstream[];
  /** Ready tasks in dispatch order across every repo (as `next` walks them). */
  ready_tasks: ReportTask[];
  /** Pending tasks of active workstreams that cannot be taken, with why, in dispatch order. */
  blocked_tasks: ReportTask[];
  /** Pending tasks of active workstreams that need a human, in dispatch order. */
  human_tasks: ReportTask[];
  /** Every interface change, draft first, then published, then resolved. */
  interface_changes: ReportInterfaceChange[];
  graph: ReportGraph;
}

/** A workspace the hub composes the federated view from. */
export interface ReportSource {
  name: string;
  required: boolean;
  /** Its snapshot is part of the view. */
  included: boolean;
  received_at: string | null;
  /** Why its last fetch or push failed, if it did. */
  error: string | null;
}

export interface ReportDomain {
  slug: string;
  name: string;
  description: string | null;
  status: string;
  source: string | null;
}

export interface RepoCounts {
  /** Pending (todo, in_progress, blocked) tasks of active workstreams. */
  pending: number;
  ready: number;
  blocked: number;
  human: number;
  workstreams: number;
  done: number;
  /** Every task of the repo, whatever its status or workstream. */
  total: number;
}

export interface ReportRepo {
  slug: string;
  name: string;
  domain: string | null;
  description: string | null;
  status: string;
  /** DoI tier: none, core, standard or full. */
  tier: string;
  commit: string | null;
  branch: string | null;
  source: string | null;
  /** The id of the goal dispatch calls the repo's active goal. */
  active_goal: string | null;
  counts: RepoCounts;
}

export interface ReportGoal {
  id: string | null;
  title: string | null;
  priority: number | null;
  /** The repo the goal file lives in. */
  repo_slug: string;
  /** What the goal is for: a repo (`repo:` or where it lives) or a domain (`domain:`). */
  scope: 'repo' | 'domain';
  target: string | null;
  file: string;
  source: string | null;
}

export interface WorkstreamCounts {
  todo: number;
  in_progress: number;
  blocked: number;
  done: number;
  cancelled: number;
  total: number;
}

export interface ReportWorkstream {
  /** A workplan id, or `<repo>:backlog`. */
  id: string | null;
  title: string | null;
  repo_slug: string;
  file: string | null;
  ready: number;
  counts: WorkstreamCounts;
  source: string | null;
}

export interface ReportBlock {
  id: string;
  reason: BlockedReason;
  status: string | null;
  /** The repo declaring the dependency, when exactly one does. */
  repo_slug: string | null;
}

export interface ReportTask {
  id: string | null;
  title: string;
  repo_slug: string;
  workstream: string | null;
  status: string | null;
  priority: string;
  assignee: string | null;
  needs_human: boolean;
  ready: boolean;
  /** False when the declaring file does not parse (such a task is never ready). */
  valid: boolean;
  blocked_by: ReportBlock[];
  file: string;
  line: number;
  source: string | null;
}

/** In the JSON: id, title, status, then the change's fields (no affected_paths), then the place and source. */
export interface ReportInterfaceChange extends Omit<InterfaceChangeFields, 'affected_paths'> {
  id: string | null;
  title: string | null;
  status: string | null;
  repo_slug: string;
  file: string;
  source: string | null;
}

export type ReportNodeState = 'ready' | 'pending' | 'done' | 'cancelled' | 'unknown' | 'ambiguous';

export interface ReportGraphNode {
  /** Unique within the graph. */
  key: string;
  id: string | null;
  title: string;
  repo_slug: string | null;
  state: ReportNodeState;
}

export interface ReportGraph {
  nodes: ReportGraphNode[];
  /** From a dependency to the task depending on it; dashed when the dependency names no single task. */
  edges: { from: string; to: string; dashed: boolean }[];
}
