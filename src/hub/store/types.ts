// What the hub keeps: its sources (registrations), each source's last snapshot, and the outcome of
// its last fetch. Two implementations pass one test suite (test/hub/store.test.ts): SQLite for one
// process, PostgreSQL for several replicas. Every write is one transaction that also bumps the
// store's generation, which is how a replica knows its composed view is out of date.

export type SourceMode = 'url' | 'push';
export type SourceStatus = 'pending' | 'ok' | 'error';

/** A registration as written by POST /v1/sources (defaults filled in). */
export interface SourceSettings {
  /** Published snapshot URL; null: push mode (a CI job PUTs its export). */
  url: string | null;
  domain: string | null;
  enabled: boolean;
  required: boolean;
  cache_ttl_seconds: number;
  description: string | null;
}

export interface SourceRecord extends SourceSettings {
  name: string;
  mode: SourceMode;
  created_at: string;
  updated_at: string;
  /** Name of the token that last changed the registration. */
  updated_by: string | null;
  /** `ok`: the last fetch or push gave a valid snapshot; `error`: the last fetch failed (see last_error). */
  status: SourceStatus;
  last_error: string | null;
  /** When the last fetch was attempted (url sources). */
  fetched_at: string | null;
  /** When the snapshot held was received. */
  received_at: string | null;
  snapshot_digest: string | null;
  snapshot_bytes: number | null;
}

export interface StoredSnapshot {
  name: string;
  /** The snapshot's JSON text as stored (snapshotText of the validated document). */
  text: string;
  received_at: string;
}

export interface SnapshotWrite {
  text: string;
  digest: string;
  received_at: string;
}

export interface HubStore {
  /** Which backend: `sqlite` or `postgres` (for /health). */
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema (idempotent; safe when several replicas start at once). */
  migrate(): Promise<void>;
  /** Changes with every committed write. */
  generation(): Promise<number>;
  listSources(): Promise<SourceRecord[]>;
  getSource(name: string): Promise<SourceRecord | null>;
  /** Null when a source of that name exists already. */
  createSource(name: string, settings: SourceSettings, by: string | null, at: string): Promise<SourceRecord | null>;
  /** Null when there is no such source. Changing the url clears the snapshot and the fetch state. */
  updateSource(name: string, patch: Partial<SourceSettings>, by: string | null, at: string): Promise<SourceRecord | null>;
  deleteSource(name: string): Promise<boolean>;
  /** Stores a validated snapshot (a push, or a successful fetch); false when there is no such source. */
  putSnapshot(name: string, snapshot: SnapshotWrite, fetched: boolean): Promise<boolean>;
  /** Records a failed fetch: the source is left out of the view until a fetch succeeds. */
  recordFetchError(name: string, error: string, at: string): Promise<void>;
  /** Snapshots of enabled sources whose status is ok, by name. */
  includedSnapshots(): Promise<StoredSnapshot[]>;
  close(): Promise<void>;
}
