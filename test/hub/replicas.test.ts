// Two hub processes on one PostgreSQL database serve the same data: a write through either is seen
// by both (the store's generation tells each its composed view is out of date). Needs PostgreSQL's
// binaries (skipped loudly without them; a failure under CI=true).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/git-repo.js';
import { postgresBinaries, startPostgres, type PostgresCluster } from '../helpers/system-binary.js';
import { exportText, http, serveProcess, splitFixture, TOKENS, type ServeProcess } from './helpers.js';

const pg = postgresBinaries();

describe.skipIf(!pg.available)('two hubs on one PostgreSQL database', () => {
  let cluster: PostgresCluster;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    cluster = await startPostgres(pg);
    const env = { CUSTODIAN_HUB_TOKENS: TOKENS };
    // Started together: the migration runs once, under its advisory lock.
    [a, b] = await Promise.all([
      serveProcess(['--store', cluster.url, '--log-level', 'silent'], env),
      serveProcess(['--store', cluster.url, '--log-level', 'silent'], env),
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const hub of [a, b]) {
      if (!hub) continue;
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toBe(0);
    }
    cluster?.stop();
    removeTempDirs();
  });

  it('serve the same sources, views and dispatch, whichever one was written to', async () => {
    const { payments, clients } = splitFixture();
    expect((await http(a.url, 'POST', '/v1/sources', { name: 'payments', required: true })).status).toBe(201);
    expect((await http(b.url, 'POST', '/v1/sources', { name: 'clients' })).status).toBe(201);
    expect((await http(b.url, 'POST', '/v1/sources', { name: 'payments' })).status).toBe(409);
    expect((await http(b.url, 'PUT', '/v1/sources/payments/snapshot', exportText(payments))).status).toBe(200);
    expect((await http(a.url, 'PUT', '/v1/sources/clients/snapshot', exportText(clients))).status).toBe(200);
    for (const path of ['/v1/sources', '/v1/federated', '/v1/repos/ledger-cli/dispatch', '/v1/next', '/v1/doi']) {
      const [fromA, fromB] = await Promise.all([http(a.url, 'GET', path, undefined, null), http(b.url, 'GET', path, undefined, null)]);
      expect(fromA.status).toBe(200);
      expect(fromB.json).toEqual(fromA.json);
    }
    const dispatch = (await http(a.url, 'GET', '/v1/repos/ledger-cli/dispatch', undefined, null)).json;
    // ledger-cli's task waits for ledger-api's, which is done in the other workspace: ready.
    expect(dispatch.ready_tasks).toContain('LCLI-WP-0001-T01');
    expect((await http(a.url, 'GET', '/health', undefined, null)).json.store).toBe('postgres');

    await http(a.url, 'DELETE', '/v1/sources/clients');
    const afterDelete = await http(b.url, 'GET', '/v1/repos', undefined, null);
    expect(afterDelete.json.items.map((r: { slug: string }) => r.slug)).toEqual(['docs-site', 'ledger-api']);
  });
});
