// What the report is built from: a workspace's snapshot (`custodian export`, src/snapshot) or the
// hub's federated view, which holds the same items each tagged with the source (the workspace) it
// came from, and says whether every required source is in it.
import type { SnapshotDocument, SnapshotDomain, SnapshotGoal, SnapshotInterfaceChange, SnapshotRepo, SnapshotTask, SnapshotWorkplan } from '../snapshot/types.js';

/** An item as a snapshot holds it, or as the federated view does (with its source). */
type Sourced<T> = T & { source?: string };

export type InputDomain = Sourced<SnapshotDomain>;
export type InputRepo = Sourced<SnapshotRepo>;
export type InputWorkplan = Sourced<SnapshotWorkplan>;
export type InputTask = Sourced<SnapshotTask>;
export type InputGoal = Sourced<SnapshotGoal>;
export type InputInterfaceChange = Sourced<SnapshotInterfaceChange>;

export interface InputSource {
  name: string;
  required: boolean;
  /** Its snapshot is part of the view. */
  included: boolean;
  /** When the hub received the snapshot in the view. */
  received_at: string | null;
  last_error: string | null;
}

export interface ReportInput {
  kind: SnapshotDocument['kind'] | 'federation';
  mode: SnapshotDocument['mode'] | 'federation';
  /** The federated view: false when a required source is missing from it. */
  complete?: boolean;
  sources?: InputSource[];
  domains: InputDomain[];
  repos: InputRepo[];
  workplans: InputWorkplan[];
  tasks: InputTask[];
  goals: InputGoal[];
  interface_changes: InputInterfaceChange[];
}
