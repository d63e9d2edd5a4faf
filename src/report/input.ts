// What the report is built from: a workspace's snapshot (`custodian export`) or the hub's
// federated view (the composed snapshots, each item naming its source). Only the fields the
// report reads are listed, so both documents are assignable to it.
// PROVISIONAL: mirrors the snapshot being defined in src/snapshot (hub, issue 13); replaced by
// an import of its types once that lands on main.
import type { BlockedBy } from '../dispatch/types.js';

export interface InputDomain {
  slug: string;
  name: string;
  description: string | null;
  status: string;
  source?: string;
}

export interface InputRepo {
  slug: string;
  name: string;
  domain: string | null;
  description: string | null;
  status: string;
  commit: string | null;
  branch: string | null;
  doi: { tier: string };
  source?: string;
}

export interface InputWorkplan {
  id: string | null;
  title: string | null;
  status: string | null;
  domain: string | null;
  created: string | null;
  valid: boolean;
  repo_slug: string;
  file: string;
  line: number;
  source?: string;
}

export interface InputTask {
  id: string | null;
  title: string;
  status: string | null;
  priority: string;
  depends_on: string[];
  needs_human: boolean;
  assignee: string | null;
  workplan_id: string | null;
  workstream: string | null;
  repo_slug: string;
  file: string;
  line: number;
  declared_in: string[];
  valid: boolean;
  ready: boolean;
  blocked_by: BlockedBy[];
  source?: string;
}

export interface InputGoal {
  id: string | null;
  title: string | null;
  status: string | null;
  priority: number | null;
  repo: string | null;
  domain: string | null;
  repo_slug: string;
  file: string;
  line: number;
  source?: string;
}

export interface InputInterfaceChange {
  id: string | null;
  title: string | null;
  status: string | null;
  change_type: string | null;
  interface_type: string | null;
  origin_repo: string;
  affected_repos: string[];
  planned_for: string | null;
  published_at: string | null;
  resolved_at: string | null;
  repo_slug: string;
  file: string;
  line: number;
  source?: string;
}

export interface InputSource {
  name: string;
  required?: boolean;
  last_error?: string | null;
}

export interface ReportInput {
  kind: string;
  mode?: string;
  /** Federated view: false when a required source is missing. */
  complete?: boolean;
  sources?: InputSource[];
  domains: InputDomain[];
  repos: InputRepo[];
  workplans: InputWorkplan[];
  tasks: InputTask[];
  goals: InputGoal[];
  interface_changes: InputInterfaceChange[];
}
