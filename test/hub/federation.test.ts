// Two workspaces composed on the hub: a dependency on a task of the other workspace resolves
// (ledger-cli's task waits for ledger-api's), stays `unknown` while that workspace's source is
// missing (fail closed, `complete: false` when it is required), and duplicated repo slugs and task
// ids are kept and reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/start.js';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { exportText, http, inProcessHub, NOW_ENV, pushSource, splitFixture } from './helpers.js';

let hub: RunningHub;
let payments: string;
let clients: string;
let paymentsSnapshot: string;
let clientsSnapshot: string;

beforeAll(async () => {
  ({ payments, clients } = splitFixture());
  paymentsSnapshot = exportText(payments);
  clientsSnapshot = exportText(clients);
  hub = await inProcessHub();
});
afterAll(async () => {
  await hub?.stop();
  removeTempDirs();
});

const task = (doc: { tasks: { id: string }[] }, id: string) => doc.tasks.find((t) => t.id === id);

describe('the federated view', () => {
  it('a workspace alone cannot resolve its dependency on another workspace', () => {
    const alone = JSON.parse(clientsSnapshot);
    expect(task(alone, 'LCLI-WP-0001-T01')).toMatchObject({ ready: false, blocked_by: [{ id: 'LEDG-WP-0002-T01', reason: 'unknown', status: null }] });
    const cli = runCliJson(['-w', clients, 'dispatch', 'ledger-cli', '--json'], { env: NOW_ENV }).json;
    expect(cli.active_workstreams[0].pending_tasks[0].blocked_by).toEqual([{ id: 'LEDG-WP-0002-T01', reason: 'unknown', repo_slug: null, status: null }]);
  });

  it('with only the clients source (required payments missing): incomplete, and the dependency stays unknown', async () => {
    await http(hub.url, 'POST', '/v1/sources', { name: 'payments', required: true });
    await pushSource(hub.url, 'clients', clientsSnapshot);
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(view.json.complete).toBe(false);
    expect(view.json.sources).toEqual([
      { name: 'clients', enabled: true, required: false, included: true, received_at: expect.any(String), last_error: null },
      { name: 'payments', enabled: true, required: true, included: false, received_at: null, last_error: null },
    ]);
    const dispatch = await http(hub.url, 'GET', '/v1/repos/ledger-cli/dispatch', undefined, null);
    expect(dispatch.json.active_workstreams[0].pending_tasks[0]).toMatchObject({
      id: 'LCLI-WP-0001-T01',
      ready: false,
      blocked_by: [{ id: 'LEDG-WP-0002-T01', reason: 'unknown', status: null }],
    });
    expect((await http(hub.url, 'GET', '/v1/repos/ledger-api/dispatch', undefined, null)).json).toEqual({
      schema_version: 1,
      kind: 'error',
      code: 'not-found',
      message: 'no repo ledger-api in the federation (the view is incomplete: a required source is missing)',
    });
  });

  it('once payments is pushed, the cross-workspace dependency resolves to its real status', async () => {
    await http(hub.url, 'PUT', '/v1/sources/payments/snapshot', paymentsSnapshot);
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(view.json.complete).toBe(true);
    const upstream = task(view.json, 'LEDG-WP-0002-T01') as unknown as { status: string; source: string };
    expect(upstream).toMatchObject({ source: 'payments', status: 'done' });
    // The dependency is done in the other workspace: nothing holds the task back any more, exactly
    // as in one workspace that registers both repos.
    const { fixtureCopy } = await import('../dispatch/workspace.js');
    const whole = JSON.parse(exportText(fixtureCopy()));
    for (const id of ['LCLI-WP-0001-T01', 'LCLI-WP-0001-T02']) {
      const expected = task(whole, id) as unknown as { ready: boolean; blocked_by: unknown[] };
      expect(task(view.json, id)).toMatchObject({ source: 'clients', ready: expected.ready, blocked_by: expected.blocked_by });
    }
    expect(task(view.json, 'LCLI-WP-0001-T01')).toMatchObject({ ready: true, blocked_by: [] });
    const dispatch = await http(hub.url, 'GET', '/v1/repos/ledger-cli/dispatch', undefined, null);
    expect(dispatch.json.ready_tasks).toContain('LCLI-WP-0001-T01');
    // An interface change published in the other workspace reaches this repo's dispatch.
    expect(dispatch.json.pending_interface_changes.map((c: { id: string; repo_slug: string }) => `${c.repo_slug}:${c.id}`)).toEqual(['ledger-api:IC-7']);
  });

  it('equals the dispatch of one workspace that registers every repo', async () => {
    const { fixtureCopy } = await import('../dispatch/workspace.js');
    const single = fixtureCopy();
    for (const slug of ['ledger-cli', 'ledger-api', 'docs-site']) {
      const cli = runCliJson(['-w', single, 'dispatch', slug, '--json'], { env: NOW_ENV }).json;
      const hubAnswer = (await http(hub.url, 'GET', `/v1/repos/${slug}/dispatch`, undefined, null)).json;
      expect({ ...hubAnswer, last_state_synced_at: null }).toEqual({ ...cli, last_state_synced_at: null });
    }
  });

  it('next across the federation proposes the same task as next in one workspace', async () => {
    const { fixtureCopy } = await import('../dispatch/workspace.js');
    const single = fixtureCopy();
    const cli = runCliJson(['-w', single, 'next', '--json'], { env: NOW_ENV }).json;
    const hubAnswer = (await http(hub.url, 'GET', '/v1/next', undefined, null)).json;
    expect(hubAnswer.task.id).toBe(cli.task.id);
    expect(hubAnswer.task.blocked_by).toEqual(cli.task.blocked_by);
    const inRepo = (await http(hub.url, 'GET', '/v1/next?repo=ledger-cli', undefined, null)).json;
    const cliInRepo = runCliJson(['-w', single, 'next', 'ledger-cli', '--json'], { env: NOW_ENV }).json;
    expect(inRepo.task?.id ?? null).toBe(cliInRepo.task?.id ?? null);
  });

  it('disabling a source takes it out of the view (and it stops counting as required)', async () => {
    await http(hub.url, 'PATCH', '/v1/sources/payments', { enabled: false });
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(view.json.complete).toBe(true);
    expect(view.json.repos.map((r: { slug: string }) => r.slug)).toEqual(['ledger-cli']);
    expect(task(view.json, 'LCLI-WP-0001-T01')).toMatchObject({ blocked_by: [{ id: 'LEDG-WP-0002-T01', reason: 'unknown', status: null }] });
    await http(hub.url, 'PATCH', '/v1/sources/payments', { enabled: true });
  });

  it('two sources claiming one repo and its task ids: both kept, both reported, dependencies ambiguous, the slug needs ?source=', async () => {
    await pushSource(hub.url, 'payments-copy', paymentsSnapshot);
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    const repoDup = view.json.duplicates.repos.find((d: { id: string }) => d.id === 'ledger-api');
    expect(repoDup.places).toEqual([
      { source: 'payments', repo_slug: 'ledger-api', file: null, line: null },
      { source: 'payments-copy', repo_slug: 'ledger-api', file: null, line: null },
    ]);
    const taskDup = view.json.duplicates.tasks.find((d: { id: string }) => d.id === 'LEDG-WP-0002-T01');
    expect(taskDup.places.map((p: { source: string }) => p.source)).toEqual(['payments', 'payments-copy']);
    expect(task(view.json, 'LCLI-WP-0001-T01')).toMatchObject({ ready: false, blocked_by: [{ id: 'LEDG-WP-0002-T01', reason: 'ambiguous', status: null }] });
    const ambiguous = await http(hub.url, 'GET', '/v1/repos/ledger-api/dispatch', undefined, null);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.json).toEqual({
      schema_version: 1,
      kind: 'error',
      code: 'ambiguous',
      message: 'repo ledger-api is claimed by 2 sources (payments, payments-copy); name one with ?source=',
      candidates: [
        { source: 'payments', slug: 'ledger-api' },
        { source: 'payments-copy', slug: 'ledger-api' },
      ],
    });
    const chosen = await http(hub.url, 'GET', '/v1/repos/ledger-api/dispatch?source=payments-copy', undefined, null);
    expect(chosen.status).toBe(200);
    expect(chosen.json.repo_slug).toBe('ledger-api');
    await http(hub.url, 'DELETE', '/v1/sources/payments-copy');
    expect((await http(hub.url, 'GET', '/v1/federated', undefined, null)).json.duplicates).toEqual({ repos: [], tasks: [] });
  });
});
