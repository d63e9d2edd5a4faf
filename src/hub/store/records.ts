// Rows to records and settings to column values, shared by both stores.
import type { SourceRow } from './schema.js';
import type { SourceRecord, SourceSettings, SourceStatus } from './types.js';

export function toRecord(row: SourceRow): SourceRecord {
  return {
    name: row.name,
    mode: row.url === null ? 'push' : 'url',
    url: row.url,
    domain: row.domain,
    enabled: Number(row.enabled) === 1,
    required: Number(row.required) === 1,
    cache_ttl_seconds: Number(row.cache_ttl_seconds),
    description: row.description,
    created_at: row.created_at,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    status: row.status as SourceStatus,
    last_error: row.last_error,
    fetched_at: row.fetched_at,
    received_at: row.received_at,
    snapshot_digest: row.snapshot_digest,
    snapshot_bytes: row.snapshot_bytes === null ? null : Number(row.snapshot_bytes),
  };
}

/** The settings after a patch, and whether the snapshot source (the url) changed. */
export function patched(current: SourceRecord, patch: Partial<SourceSettings>): { settings: SourceSettings; urlChanged: boolean } {
  const settings: SourceSettings = {
    url: patch.url !== undefined ? patch.url : current.url,
    domain: patch.domain !== undefined ? patch.domain : current.domain,
    enabled: patch.enabled ?? current.enabled,
    required: patch.required ?? current.required,
    cache_ttl_seconds: patch.cache_ttl_seconds ?? current.cache_ttl_seconds,
    description: patch.description !== undefined ? patch.description : current.description,
  };
  return { settings, urlChanged: settings.url !== current.url };
}

export const flag = (value: boolean) => (value ? 1 : 0);

/** What a write transaction's work returns when it changed nothing: no generation bump. */
export const NOTHING_CHANGED: unique symbol = Symbol('nothing changed');
