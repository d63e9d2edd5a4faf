// The hub store's schema, one migration per version, written once for both backends: the column
// types below mean the same in SQLite and PostgreSQL (booleans are 0/1 integers, times are ISO 8601
// text written by the hub), so both stores hand back identical records.

export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
    `INSERT INTO hub_meta (key, value) VALUES ('generation', 0)`,
    `CREATE TABLE sources (
      name TEXT PRIMARY KEY,
      url TEXT,
      domain TEXT,
      enabled INTEGER NOT NULL,
      required INTEGER NOT NULL,
      cache_ttl_seconds INTEGER NOT NULL,
      description TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT,
      status TEXT NOT NULL,
      last_error TEXT,
      fetched_at TEXT,
      received_at TEXT,
      snapshot_digest TEXT,
      snapshot_bytes BIGINT
    )`,
    `CREATE TABLE snapshots (name TEXT PRIMARY KEY REFERENCES sources (name) ON DELETE CASCADE, text TEXT NOT NULL)`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export const SOURCE_COLUMNS =
  'name, url, domain, enabled, required, cache_ttl_seconds, description, created_at, updated_at, updated_by, status, last_error, fetched_at, received_at, snapshot_digest, snapshot_bytes';

/** A sources row as either driver returns it (PostgreSQL's BIGINT arrives as a string). */
export interface SourceRow {
  name: string;
  url: string | null;
  domain: string | null;
  enabled: number;
  required: number;
  cache_ttl_seconds: number;
  description: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  status: string;
  last_error: string | null;
  fetched_at: string | null;
  received_at: string | null;
  snapshot_digest: string | null;
  snapshot_bytes: number | string | null;
}
