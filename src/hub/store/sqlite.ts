// The hub store in one SQLite file (`--store FILE`, the default): one process. WAL mode, every
// write a BEGIN IMMEDIATE transaction that also bumps the generation; schema version in
// PRAGMA user_version, upgraded at start-up.
import { openSqlite } from '../../sqlite.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { flag, NOTHING_CHANGED, patched, toRecord } from './records.js';
import { MIGRATIONS, SOURCE_COLUMNS, type SourceRow } from './schema.js';
import type { HubStore, SnapshotWrite, SourceRecord, SourceSettings, StoredSnapshot } from './types.js';

export function openSqliteStore(path: string): HubStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = openSqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // `work` returns NOTHING_CHANGED for a refused write: the generation moves only with a change.
  const write = <T>(work: () => T | typeof NOTHING_CHANGED, unchanged: T): T =>
    db
      .transaction(() => {
        const result = work();
        if (result === NOTHING_CHANGED) return unchanged;
        db.prepare("UPDATE hub_meta SET value = value + 1 WHERE key = 'generation'").run();
        return result;
      })
      .immediate();
  const select = (name: string) => db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE name = ?`).get(name) as SourceRow | undefined;

  return {
    kind: 'sqlite',
    async migrate() {
      db.transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        for (const statements of MIGRATIONS.slice(version)) for (const sql of statements) db.exec(sql);
        db.pragma(`user_version = ${MIGRATIONS.length}`);
      }).immediate();
    },
    async generation() {
      return Number(db.prepare("SELECT value FROM hub_meta WHERE key = 'generation'").pluck().get());
    },
    async listSources() {
      return (db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY name`).all() as SourceRow[]).map(toRecord);
    },
    async getSource(name) {
      const row = select(name);
      return row ? toRecord(row) : null;
    },
    async createSource(name: string, s: SourceSettings, by: string | null, at: string) {
      return write(() => {
        if (select(name)) return NOTHING_CHANGED;
        db.prepare(
          `INSERT INTO sources (name, url, domain, enabled, required, cache_ttl_seconds, description, created_at, updated_at, updated_by, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
        ).run(name, s.url, s.domain, flag(s.enabled), flag(s.required), s.cache_ttl_seconds, s.description, at, at, by);
        return toRecord(select(name)!);
      }, null);
    },
    async updateSource(name, patch, by, at) {
      return write((): SourceRecord | typeof NOTHING_CHANGED => {
        const row = select(name);
        if (!row) return NOTHING_CHANGED;
        const { settings: s, urlChanged } = patched(toRecord(row), patch);
        db.prepare(
          `UPDATE sources SET url = ?, domain = ?, enabled = ?, required = ?, cache_ttl_seconds = ?, description = ?, updated_at = ?, updated_by = ? WHERE name = ?`,
        ).run(s.url, s.domain, flag(s.enabled), flag(s.required), s.cache_ttl_seconds, s.description, at, by, name);
        if (urlChanged) {
          // Another place, another workspace: what was held from the old one is no answer for the new.
          db.prepare('DELETE FROM snapshots WHERE name = ?').run(name);
          db.prepare(
            `UPDATE sources SET status = 'pending', last_error = NULL, fetched_at = NULL, received_at = NULL, snapshot_digest = NULL, snapshot_bytes = NULL WHERE name = ?`,
          ).run(name);
        }
        return toRecord(select(name)!);
      }, null);
    },
    async deleteSource(name) {
      return write(() => (db.prepare('DELETE FROM sources WHERE name = ?').run(name).changes > 0 ? true : NOTHING_CHANGED), false);
    },
    async putSnapshot(name: string, snapshot: SnapshotWrite, fetched: boolean) {
      return write(() => {
        if (!select(name)) return NOTHING_CHANGED;
        db.prepare('INSERT INTO snapshots (name, text) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET text = excluded.text').run(name, snapshot.text);
        db.prepare(
          `UPDATE sources SET status = 'ok', last_error = NULL, received_at = ?, snapshot_digest = ?, snapshot_bytes = ?,
             fetched_at = CASE WHEN ? THEN ? ELSE fetched_at END WHERE name = ?`,
        ).run(snapshot.received_at, snapshot.digest, Buffer.byteLength(snapshot.text), flag(fetched), snapshot.received_at, name);
        return true;
      }, false);
    },
    async recordFetchError(name, error, at) {
      write(() => (db.prepare(`UPDATE sources SET status = 'error', last_error = ?, fetched_at = ? WHERE name = ?`).run(error, at, name).changes > 0 ? true : NOTHING_CHANGED), false);
    },
    async includedSnapshots() {
      return db
        .prepare(
          `SELECT s.name, n.text, s.received_at FROM sources s JOIN snapshots n ON n.name = s.name
           WHERE s.enabled = 1 AND s.status = 'ok' ORDER BY s.name`,
        )
        .all() as StoredSnapshot[];
    },
    async close() {
      db.close();
    },
  };
}
