// What the report is built from: a workspace's snapshot (`custodian export`, src/snapshot) or the
// hub's federated view, which holds the same items each tagged with the source (the workspace) it
// came from, and says whether every required source is in it.
import type { FederationDocument, FederationSource, SourceTag } from '../api/federation/types.js';
import type { SnapshotDocument, SnapshotDomain, SnapshotGoal, SnapshotInterfaceChange, SnapshotRepo, SnapshotTask, SnapshotWorkplan } from '../snapshot/types.js';

/** An item as a snapshot holds it, or as the federated view does (with its source). */
type Sourced<T> = T & Partial<SourceTag>;

export type InputDomain = Sourced<SnapshotDomain>;
export type InputRepo = Sourced<SnapshotRepo>;
export type InputWorkplan = Sourced<SnapshotWorkplan>;
export type InputTask = Sourced<SnapshotTask>;
export type InputGoal = Sourced<SnapshotGoal>;
export type InputInterfaceChange = Sourced<SnapshotInterfaceChange>;

/** A source of the federated view as the report reads it (whether it is enabled plays no part). */
export type InputSource = Omit<FederationSource, 'enabled'>;

export interface ReportInput {
  kind: SnapshotDocument['kind'] | FederationDocument['kind'];
  mode: SnapshotDocument['mode'] | FederationDocument['mode'];
  /** The federated view: false when a required source is missing from it. */
  complete?: FederationDocument['complete'];
  sources?: InputSource[];
  domains: InputDomain[];
  repos: InputRepo[];
  workplans: InputWorkplan[];
  tasks: InputTask[];
  goals: InputGoal[];
  interface_changes: InputInterfaceChange[];
}
