// One suite, two stores: SQLite (a temp file) and PostgreSQL (a throwaway cluster on a free
// loopback port, started by test/helpers/system-binary.ts; skipped loudly when the binaries are
// missing, a failure under CI=true). Both must hand back identical records.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/hub/store/open.js';
import type { HubStore, SourceSettings } from '../../src/hub/store/types.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { postgresBinaries, startPostgres, type PostgresCluster } from '../helpers/system-binary.js';

const pg = postgresBinaries();
let cluster: PostgresCluster | null = null;
let databases = 0;

beforeAll(async () => {
  if (pg.available) cluster = await startPostgres(pg);
}, 120_000);
afterAll(() => {
  cluster?.stop();
  removeTempDirs();
});

/** A fresh database in the cluster per store, so suites do not see each other's rows. */
async function postgresUrl(): Promise<string> {
  const name = `hub_${++databases}`;
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({ connectionString: cluster!.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return cluster!.url.replace(/\/postgres$/, `/${name}`);
}

const SETTINGS: SourceSettings = { url: null, domain: 'payments', enabled: true, required: false, cache_ttl_seconds: 300, description: 'push source' };
const AT = '2026-11-24T10:00:00.000Z';
const LATER = '2026-11-24T11:00:00.000Z';

const backends: [string, () => Promise<string>, boolean][] = [
  ['sqlite', async () => join(tempDir('custodian-store-'), 'hub.sqlite'), true],
  ['postgres', postgresUrl, pg.available],
];

for (const [kind, location, available] of backends) {
  describe.skipIf(!available)(`the ${kind} store`, () => {
    let store: HubStore;
    let where: string;
    beforeAll(async () => {
      where = await location();
      store = await openStore(where);
    });
    afterAll(async () => store?.close());

    it('starts empty at generation 0, and migrating again changes nothing', async () => {
      expect(store.kind).toBe(kind);
      expect(await store.listSources()).toEqual([]);
      expect(await store.generation()).toBe(0);
      await store.migrate();
      expect(await store.generation()).toBe(0);
    });

    it('creates a source once; a second create of the name is refused', async () => {
      const created = await store.createSource('beta', SETTINGS, 'ci', AT);
      expect(created).toEqual({
        name: 'beta',
        mode: 'push',
        ...SETTINGS,
        created_at: AT,
        updated_at: AT,
        updated_by: 'ci',
        status: 'pending',
        last_error: null,
        fetched_at: null,
        received_at: null,
        snapshot_digest: null,
        snapshot_bytes: null,
      });
      expect(await store.createSource('beta', SETTINGS, 'ci', AT)).toBeNull();
      await store.createSource('alpha', { ...SETTINGS, url: 'https://example.org/s.json', required: true }, null, AT);
      expect((await store.listSources()).map((s) => [s.name, s.mode, s.required])).toEqual([
        ['alpha', 'url', true],
        ['beta', 'push', false],
      ]);
      expect(await store.generation()).toBe(2);
    });

    it('stores snapshots, leaving out disabled and failed sources', async () => {
      expect(await store.putSnapshot('beta', { text: '{"b":1}', digest: 'd1', received_at: LATER }, false)).toBe(true);
      expect(await store.putSnapshot('nope', { text: '{}', digest: 'd0', received_at: LATER }, false)).toBe(false);
      expect(await store.getSource('beta')).toMatchObject({ status: 'ok', received_at: LATER, fetched_at: null, snapshot_digest: 'd1', snapshot_bytes: 7 });
      await store.putSnapshot('alpha', { text: '{"a":"é"}', digest: 'd2', received_at: LATER }, true);
      expect(await store.getSource('alpha')).toMatchObject({ status: 'ok', fetched_at: LATER, snapshot_bytes: 10 });
      expect(await store.includedSnapshots()).toEqual([
        { name: 'alpha', text: '{"a":"é"}', received_at: LATER },
        { name: 'beta', text: '{"b":1}', received_at: LATER },
      ]);
      await store.recordFetchError('alpha', 'refused: 127.0.0.1 is a loopback address', LATER);
      expect(await store.getSource('alpha')).toMatchObject({ status: 'error', last_error: 'refused: 127.0.0.1 is a loopback address', snapshot_digest: 'd2' });
      expect((await store.includedSnapshots()).map((s) => s.name)).toEqual(['beta']);
      await store.updateSource('beta', { enabled: false }, 'ci', LATER);
      expect(await store.includedSnapshots()).toEqual([]);
      await store.updateSource('beta', { enabled: true }, 'ci', LATER);
      expect((await store.includedSnapshots()).map((s) => s.name)).toEqual(['beta']);
    });

    it('updates settings; a new url drops the held snapshot and fetch state', async () => {
      const updated = await store.updateSource('alpha', { description: null, cache_ttl_seconds: 60 }, 'ops', LATER);
      expect(updated).toMatchObject({ description: null, cache_ttl_seconds: 60, updated_by: 'ops', updated_at: LATER, created_at: AT, snapshot_digest: 'd2' });
      const moved = await store.updateSource('alpha', { url: 'https://example.org/other.json' }, 'ops', LATER);
      expect(moved).toMatchObject({ url: 'https://example.org/other.json', status: 'pending', last_error: null, received_at: null, snapshot_digest: null, snapshot_bytes: null });
      expect(await store.updateSource('nope', { enabled: false }, null, LATER)).toBeNull();
    });

    it('deletes a source with its snapshot', async () => {
      const before = await store.generation();
      expect(await store.deleteSource('beta')).toBe(true);
      expect(await store.deleteSource('beta')).toBe(false);
      expect(await store.getSource('beta')).toBeNull();
      expect(await store.includedSnapshots()).toEqual([]);
      expect(await store.generation()).toBeGreaterThan(before);
    });

    it('keeps everything across a reopen', async () => {
      const before = await store.listSources();
      const generation = await store.generation();
      await store.close();
      store = await openStore(where);
      expect(await store.listSources()).toEqual(before);
      expect(await store.generation()).toBe(generation);
    });

    it('keeps a concurrent create of one name to one winner', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.createSource('race', { ...SETTINGS, description: `n${i}` }, null, AT)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });
  });
}
