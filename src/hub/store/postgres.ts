// The hub store in PostgreSQL (`--store postgres://…`), for several hub replicas behind a load
// balancer: they share nothing but this database. Migrations run at start-up under an advisory
// lock (replicas may start together); every write is one transaction that bumps the generation;
// rows being changed are locked (FOR UPDATE) so two replicas never interleave one source's update.
import type { Pool, PoolClient } from 'pg';
import { compareCodePoints } from '../../dispatch/order.js';
import { flag, NOTHING_CHANGED, patched, toRecord } from './records.js';
import { MIGRATIONS, SOURCE_COLUMNS, type SourceRow } from './schema.js';
import type { HubStore, SnapshotWrite, SourceRecord, SourceSettings, StoredSnapshot } from './types.js';

/** An arbitrary constant: the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 0x63757374;

export async function openPostgresStore(url: string): Promise<HubStore> {
  const pg = (await import('pg')).default;
  const pool: Pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the hub: the pool replaces it.
  pool.on('error', () => undefined);

  // `work` returns NOTHING_CHANGED for a refused write: the generation moves only with a change.
  const transaction = async <T>(work: (client: PoolClient) => Promise<T | typeof NOTHING_CHANGED>, unchanged: T, bump = true): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      if (bump && result !== NOTHING_CHANGED) await client.query("UPDATE hub_meta SET value = value + 1 WHERE key = 'generation'");
      await client.query('COMMIT');
      return result === NOTHING_CHANGED ? unchanged : result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const select = async (client: Pool | PoolClient, name: string, lock = false) =>
    (await client.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE name = $1${lock ? ' FOR UPDATE' : ''}`, [name])).rows[0];

  return {
    kind: 'postgres',
    async migrate() {
      await transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query('CREATE TABLE IF NOT EXISTS hub_schema_version (version INTEGER NOT NULL)');
        const found = await client.query<{ version: number }>('SELECT version FROM hub_schema_version');
        const version = found.rows[0]?.version ?? 0;
        if (found.rows.length === 0) await client.query('INSERT INTO hub_schema_version (version) VALUES (0)');
        for (const statements of MIGRATIONS.slice(version)) for (const sql of statements) await client.query(sql);
        await client.query('UPDATE hub_schema_version SET version = $1', [MIGRATIONS.length]);
      }, undefined, false);
    },
    async generation() {
      const result = await pool.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'generation'");
      return Number(result.rows[0].value);
    },
    async listSources() {
      const result = await pool.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources`);
      return result.rows.map(toRecord).sort((a, b) => compareCodePoints(a.name, b.name));
    },
    async getSource(name) {
      const row = await select(pool, name);
      return row ? toRecord(row) : null;
    },
    async createSource(name: string, s: SourceSettings, by: string | null, at: string) {
      return transaction(async (client) => {
        const inserted = await client.query(
          `INSERT INTO sources (name, url, domain, enabled, required, cache_ttl_seconds, description, created_at, updated_at, updated_by, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending') ON CONFLICT (name) DO NOTHING`,
          [name, s.url, s.domain, flag(s.enabled), flag(s.required), s.cache_ttl_seconds, s.description, at, at, by],
        );
        return inserted.rowCount === 1 ? toRecord((await select(client, name))!) : NOTHING_CHANGED;
      }, null);
    },
    async updateSource(name, patch, by, at) {
      return transaction(async (client): Promise<SourceRecord | typeof NOTHING_CHANGED> => {
        const row = await select(client, name, true);
        if (!row) return NOTHING_CHANGED;
        const { settings: s, urlChanged } = patched(toRecord(row), patch);
        await client.query(
          `UPDATE sources SET url = $1, domain = $2, enabled = $3, required = $4, cache_ttl_seconds = $5, description = $6, updated_at = $7, updated_by = $8 WHERE name = $9`,
          [s.url, s.domain, flag(s.enabled), flag(s.required), s.cache_ttl_seconds, s.description, at, by, name],
        );
        if (urlChanged) {
          await client.query('DELETE FROM snapshots WHERE name = $1', [name]);
          await client.query(
            `UPDATE sources SET status = 'pending', last_error = NULL, fetched_at = NULL, received_at = NULL, snapshot_digest = NULL, snapshot_bytes = NULL WHERE name = $1`,
            [name],
          );
        }
        return toRecord((await select(client, name))!);
      }, null);
    },
    async deleteSource(name) {
      return transaction(async (client) => (((await client.query('DELETE FROM sources WHERE name = $1', [name])).rowCount ?? 0) > 0 ? true : NOTHING_CHANGED), false);
    },
    async putSnapshot(name: string, snapshot: SnapshotWrite, fetched: boolean) {
      return transaction(async (client) => {
        if (!(await select(client, name, true))) return NOTHING_CHANGED;
        await client.query('INSERT INTO snapshots (name, text) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET text = excluded.text', [name, snapshot.text]);
        await client.query(
          `UPDATE sources SET status = 'ok', last_error = NULL, received_at = $1, snapshot_digest = $2, snapshot_bytes = $3,
             fetched_at = CASE WHEN $4 = 1 THEN $1 ELSE fetched_at END WHERE name = $5`,
          [snapshot.received_at, snapshot.digest, Buffer.byteLength(snapshot.text), flag(fetched), name],
        );
        return true;
      }, false);
    },
    async recordFetchError(name, error, at) {
      await transaction(async (client) => {
        const updated = await client.query(`UPDATE sources SET status = 'error', last_error = $1, fetched_at = $2 WHERE name = $3`, [error, at, name]);
        return (updated.rowCount ?? 0) > 0 ? true : NOTHING_CHANGED;
      }, false);
    },
    async includedSnapshots() {
      const result = await pool.query<StoredSnapshot>(
        `SELECT s.name, n.text, s.received_at FROM sources s JOIN snapshots n ON n.name = s.name WHERE s.enabled = 1 AND s.status = 'ok'`,
      );
      return result.rows.sort((a, b) => compareCodePoints(a.name, b.name));
    },
    async close() {
      await pool.end();
    },
  };
}
