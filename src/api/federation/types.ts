// The federation: several workspaces' snapshots composed into one view, each item tagged with the
// source (the hub's name for the workspace) it came from. What the hub serves at /v1/federated.
import type { QueueTask, GoalInfo, InterfaceChangeInfo, WorkplanInfo, DependencyLookup } from '../../dispatch/types.js';
import type { WorkplanCatalog } from '../../dispatch/workstreams.js';
import type {
  SnapshotDecision,
  SnapshotDocument,
  SnapshotDomain,
  SnapshotGoal,
  SnapshotInterfaceChange,
  SnapshotRepo,
  SnapshotTask,
  SnapshotWorkplan,
} from '../../snapshot/types.js';

/** Where a source stands, as the hub reports it in the federated view. */
export interface FederationSource {
  name: string;
  enabled: boolean;
  required: boolean;
  /** Its snapshot is part of this view (enabled, and its last fetch or push succeeded). */
  included: boolean;
  /** When the snapshot in the view was received (fetched or pushed); null when there is none. */
  received_at: string | null;
  last_error: string | null;
}

/** A source's snapshot, as the composition takes it. */
export interface SourceSnapshot {
  source: string;
  snapshot: SnapshotDocument;
  received_at: string;
}

/** The source (the hub's name for a workspace) an item of the federated view came from. */
export interface SourceTag {
  source: string;
}

type Sourced<T> = SourceTag & T;

export type FederatedDomain = Sourced<SnapshotDomain>;
export type FederatedRepo = Sourced<SnapshotRepo>;
export type FederatedWorkplan = Sourced<SnapshotWorkplan>;
export type FederatedTask = Sourced<SnapshotTask>;
export type FederatedGoal = Sourced<SnapshotGoal>;
export type FederatedInterfaceChange = Sourced<SnapshotInterfaceChange>;
export type FederatedDecision = Sourced<SnapshotDecision>;

export interface DuplicatePlace {
  source: string;
  repo_slug: string;
  file: string | null;
  line: number | null;
}

/** An id (repo slug, task id) claimed more than once across the federation: every claim is kept. */
export interface Duplicate {
  id: string;
  places: DuplicatePlace[];
}

export interface FederationDocument {
  schema_version: 1;
  kind: 'federation';
  mode: 'federation';
  /** False when an enabled, required source is missing from the view (fail closed). */
  complete: boolean;
  sources: FederationSource[];
  duplicates: { repos: Duplicate[]; tasks: Duplicate[] };
  domains: FederatedDomain[];
  repos: FederatedRepo[];
  workplans: FederatedWorkplan[];
  /** Readiness and blocked_by recomputed over the whole federation. */
  tasks: FederatedTask[];
  goals: FederatedGoal[];
  interface_changes: FederatedInterfaceChange[];
  decisions: FederatedDecision[];
}

/** The composed view with the rows src/dispatch computes from (the same code as the CLI's dispatch). */
export interface FederatedView {
  document: FederationDocument;
  /** Every task as the queue sees it; `taskAt(row_id)` gives back its federated item. */
  tasks: readonly QueueTask[];
  taskAt: ReadonlyMap<number, FederatedTask>;
  catalog: WorkplanCatalog;
  lookup: DependencyLookup;
  workplans: readonly WorkplanInfo[];
  goals: readonly GoalInfo[];
  interfaceChanges: readonly InterfaceChangeInfo[];
  /** The source of each QueueTask row. */
  sourceOf: ReadonlyMap<number, string>;
  receivedAt: ReadonlyMap<string, string>;
}
