// The snapshot: one JSON document holding what a workspace knows (registry, documents, tasks with
// their readiness, DoI tiers, the commit each repo was at), so a hub, a dashboard or an agent with
// no checkout can answer from it without a parser. `custodian export` writes it; the hub composes
// several into the federated view. Schema: schemas/snapshot.schema.json (the two are held together
// by test/snapshot). Deterministic: no clock, no absolute path, every list in a stable order.
import type { BlockedBy } from '../dispatch/types.js';
import type { InterfaceChangeFields } from '../documents/interface-change.js';
import type { CriterionResult, Tier } from '../doi/model.js';
import type { RegistryStatus, WorkspaceMode } from '../workspace/types.js';

export interface SnapshotDomain {
  slug: string;
  name: string;
  description: string | null;
  status: RegistryStatus;
}

export interface SnapshotDoi {
  tier: Tier;
  criteria: CriterionResult[];
}

export interface SnapshotRepo {
  slug: string;
  name: string;
  /** The domain's slug; null only in single-repo mode. */
  domain: string | null;
  description: string | null;
  status: RegistryStatus;
  remote_url: string | null;
  fingerprint: string | null;
  /** HEAD's commit when the snapshot was taken; null with no commits or no checkout on this host. */
  commit: string | null;
  /** HEAD's branch (`main`), null when detached or unknown. */
  branch: string | null;
  doi: SnapshotDoi;
}

export interface TaskCounts {
  todo: number;
  in_progress: number;
  blocked: number;
  done: number;
  cancelled: number;
  unknown: number;
  total: number;
}

export interface SnapshotWorkplan {
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  domain: string | null;
  owner: string | null;
  created: string | null;
  updated: string | null;
  completed: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
  task_counts: TaskCounts;
}

export interface AcceptanceCriterionItem {
  text: string;
  checked: boolean;
  line: number;
}

export interface SnapshotTask {
  id: string | null;
  local_id: string | null;
  title: string;
  status: string | null;
  status_raw: string | null;
  priority: string;
  depends_on: string[];
  needs_human: boolean;
  assignee: string | null;
  workplan_id: string | null;
  /** The workstream dispatch lists the task under: a workplan id, `<repo>:backlog`, or null. */
  workstream: string | null;
  repo_slug: string;
  file: string;
  line: number;
  priority_raw: string | null;
  end_line: number;
  /** `block`, `list` (a front-matter `tasks:` item), both, or `file` (a task file). */
  declared_in: string[];
  valid: boolean;
  description: string;
  description_lines: [number, number] | null;
  acceptance_criteria: AcceptanceCriterionItem[];
  fields: Record<string, unknown>;
  /** Readiness within the exporting workspace (the hub recomputes it over the federation). */
  ready: boolean;
  blocked_by: BlockedBy[];
}

export interface SnapshotGoal {
  id: string | null;
  title: string | null;
  status: string | null;
  /** Integer priority, lower first; null when missing. */
  priority: number | null;
  /** The goal's `repo:` and `domain:` fields as written. */
  repo: string | null;
  domain: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
}

/** In the JSON: id, title, status, status_raw, then the interface change's fields, then valid and the place. */
export interface SnapshotInterfaceChange extends InterfaceChangeFields {
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
}

export interface SnapshotDecision {
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  resolved: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
}

export interface SnapshotDocument {
  schema_version: 1;
  kind: 'snapshot';
  mode: WorkspaceMode;
  domains: SnapshotDomain[];
  repos: SnapshotRepo[];
  workplans: SnapshotWorkplan[];
  tasks: SnapshotTask[];
  goals: SnapshotGoal[];
  interface_changes: SnapshotInterfaceChange[];
  decisions: SnapshotDecision[];
}
