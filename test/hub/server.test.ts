// The hub on a SQLite store, over HTTP on loopback: public reads that answer as the CLI does,
// token-guarded writes, strict validation, limits, headers, and errors that leak nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/start.js';
import { fixtureCopy } from '../dispatch/workspace.js';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { exportText, http, inProcessHub, NOW_ENV, OTHER_TOKEN, pushSource } from './helpers.js';

let hub: RunningHub;
let base: string;
let workspace: string;
let snapshot: string;

beforeAll(async () => {
  workspace = fixtureCopy();
  snapshot = exportText(workspace);
  hub = await inProcessHub({ limits: { writesPerWindow: 1000 } });
  base = hub.url;
  await pushSource(base, 'payments', snapshot, { required: true, description: 'the payments workspace' });
});
afterAll(async () => {
  await hub?.stop();
  removeTempDirs();
});

describe('reads', () => {
  it('GET /health answers with the store kind', async () => {
    const answer = await http(base, 'GET', '/health', undefined, null);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ schema_version: 1, kind: 'health', status: 'ok', store: 'sqlite' });
  });

  it('lists and shows sources, with who registered them and whether they are in the view', async () => {
    const list = await http(base, 'GET', '/v1/sources', undefined, null);
    expect(list.status).toBe(200);
    expect(list.json.kind).toBe('source-list');
    expect(list.json.complete).toBe(true);
    expect(list.json.items).toHaveLength(1);
    const item = list.json.items[0];
    expect(item).toMatchObject({
      name: 'payments',
      mode: 'push',
      url: null,
      enabled: true,
      required: true,
      cache_ttl_seconds: 300,
      description: 'the payments workspace',
      updated_by: 'ci',
      status: 'ok',
      included: true,
      last_error: null,
      snapshot_bytes: Buffer.byteLength(snapshot),
    });
    expect(item.snapshot_digest).toMatch(/^[0-9a-f]{64}$/);
    const show = await http(base, 'GET', '/v1/sources/payments', undefined, null);
    expect(show.json).toEqual({ schema_version: 1, kind: 'source', source: item });
    const missing = await http(base, 'GET', '/v1/sources/nope', undefined, null);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ schema_version: 1, kind: 'error', code: 'not-found', message: 'no source nope (GET /v1/sources lists them)' });
  });

  it('GET /v1/repos/{slug}/dispatch is the CLI dispatch document', async () => {
    for (const slug of ['ledger-api', 'ledger-cli', 'docs-site']) {
      const cli = runCliJson(['-w', workspace, 'dispatch', slug, '--json'], { env: NOW_ENV }).json;
      const answer = await http(base, 'GET', `/v1/repos/${slug}/dispatch`, undefined, null);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const received = (await http(base, 'GET', '/v1/sources/payments')).json.source.received_at as string;
      expect(answer.json.last_state_synced_at).toBe(received.replace(/\.\d{3}Z$/, 'Z'));
      expect({ ...answer.json, last_state_synced_at: null }).toEqual({ ...cli, last_state_synced_at: null });
    }
    const limited = await http(base, 'GET', '/v1/repos/ledger-api/dispatch?limit=1', undefined, null);
    const cliLimited = runCliJson(['-w', workspace, 'dispatch', 'ledger-api', '--json', '--limit', '1'], { env: NOW_ENV }).json;
    expect({ ...limited.json, last_state_synced_at: null }).toEqual({ ...cliLimited, last_state_synced_at: null });
    expect(limited.json).toMatchObject({ ready_tasks_total: 5, ready_tasks_truncated: true });
    // limit=0 lists everything and still carries the totals, as the CLI's --limit 0.
    const all = await http(base, 'GET', '/v1/repos/ledger-api/dispatch?limit=0', undefined, null);
    const cliAll = runCliJson(['-w', workspace, 'dispatch', 'ledger-api', '--json', '--limit', '0'], { env: NOW_ENV }).json;
    expect({ ...all.json, last_state_synced_at: null }).toEqual({ ...cliAll, last_state_synced_at: null });
    expect(all.json.ready_tasks_total).toBe(all.json.ready_tasks.length);
  });

  it('GET /v1/next is the CLI next document, with the task\'s source; as= is the CLI\'s --as', async () => {
    const asked: string[] = [];
    for (const query of ['', '?repo=ledger-cli', '?repo=docs-site', '?as=agent-7', '?repo=ledger-api&as=agent-7', '?as=someone-else']) {
      const params = new URLSearchParams(query);
      const args = [...(params.get('repo') ? [params.get('repo')!] : []), ...(params.get('as') ? ['--as', params.get('as')!] : [])];
      const cli = runCliJson(['-w', workspace, 'next', ...args, '--json'], { env: NOW_ENV }).json;
      const answer = await http(base, 'GET', `/v1/next${query}`, undefined, null);
      expect(answer.status).toBe(200);
      if (cli.task === null) {
        expect(answer.json).toEqual(cli);
        continue;
      }
      expect(answer.json.task).toMatchObject({ ...cli.task, source: 'payments' });
      asked.push(`${query} ${cli.task.id} ${cli.task.status} ${cli.task.assignee}`);
    }
    // agent-7's own in_progress task comes first for agent-7 and for nobody else.
    expect(asked.filter((line) => line.includes('in_progress agent-7')).map((line) => line.split(' ')[0])).toEqual(['?as=agent-7', '?repo=ledger-api&as=agent-7']);
  });

  it('GET /v1/doi gives each repo\'s tier and criteria from the snapshot', async () => {
    const cli = runCliJson(['-w', workspace, 'doi', '--json'], { env: NOW_ENV }).json;
    const answer = await http(base, 'GET', '/v1/doi', undefined, null);
    expect(answer.json.kind).toBe('doi-report');
    expect(answer.json.mode).toBe('federation');
    expect(answer.json.items.map((i: { repo_slug: string; tier: string }) => [i.repo_slug, i.tier])).toEqual(
      cli.items.map((i: { repo_slug: string; tier: string }) => [i.repo_slug, i.tier]),
    );
    const one = await http(base, 'GET', '/v1/doi?repo=ledger-api', undefined, null);
    expect(one.json.items.map((i: { repo_slug: string }) => i.repo_slug)).toEqual(['ledger-api']);
  });

  it('GET /v1/federated is the composed snapshot, each item with its source', async () => {
    const answer = await http(base, 'GET', '/v1/federated', undefined, null);
    const own = JSON.parse(snapshot);
    expect(answer.json).toMatchObject({ schema_version: 1, kind: 'federation', mode: 'federation', complete: true, duplicates: { repos: [], tasks: [] } });
    expect(answer.json.sources).toEqual([
      { name: 'payments', enabled: true, required: true, included: true, received_at: expect.any(String), last_error: null },
    ]);
    for (const list of ['domains', 'repos', 'workplans', 'tasks', 'goals', 'interface_changes', 'decisions']) {
      expect(answer.json[list]).toEqual(own[list].map((item: object) => ({ source: 'payments', ...item })));
    }
  });

  it('GET /v1/repos and /v1/repos/{slug}', async () => {
    const list = await http(base, 'GET', '/v1/repos', undefined, null);
    expect(list.json.kind).toBe('repo-list');
    expect(list.json.items.map((r: { slug: string; source: string }) => `${r.source}/${r.slug}`)).toEqual(['payments/docs-site', 'payments/ledger-api', 'payments/ledger-cli']);
    const one = await http(base, 'GET', '/v1/repos/ledger-api', undefined, null);
    expect(one.json).toMatchObject({ schema_version: 1, kind: 'repo', repo: { source: 'payments', slug: 'ledger-api', name: 'Ledger API', domain: 'payments' } });
    const none = await http(base, 'GET', '/v1/repos/nope/dispatch', undefined, null);
    expect(none.status).toBe(404);
    expect(none.json).toEqual({ schema_version: 1, kind: 'error', code: 'not-found', message: 'no repo nope in the federation' });
  });

  it('GET / serves the report page of the federated view, with the page\'s own CSP', async () => {
    const { REPORT_CSP, renderReport } = await import('../../src/report/render.js');
    const page = await http(base, 'GET', '/', undefined, null);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(REPORT_CSP);
    const view = (await http(base, 'GET', '/v1/federated', undefined, null)).json;
    expect(page.text).toBe(renderReport(view));
    expect(page.text).toContain('ledger-api');
  });

  it('sends security headers, and answers an unknown path with a JSON 404', async () => {
    const answer = await http(base, 'GET', '/v1/nothing-here?x=1', undefined, null);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ schema_version: 1, kind: 'error', code: 'not-found', message: 'no endpoint GET /v1/nothing-here (GET /v1/sources, /v1/repos, /v1/federated, …)' });
    const headers = (await http(base, 'GET', '/v1/repos', undefined, null)).headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('refuses unknown query parameters and malformed values with 400', async () => {
    const unknown = await http(base, 'GET', '/v1/repos?verbose=1', undefined, null);
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ kind: 'error', code: 'usage' });
    expect(unknown.json.message).toContain('must NOT have additional properties');
    expect((await http(base, 'GET', '/v1/repos/ledger-api/dispatch?limit=-1', undefined, null)).status).toBe(400);
    expect((await http(base, 'GET', '/v1/repos/Ledger%20API/dispatch', undefined, null)).status).toBe(400);
  });
});

describe('writes', () => {
  it('need a token: 401 without one (with WWW-Authenticate), 403 with a wrong one', async () => {
    const without = await http(base, 'POST', '/v1/sources', { name: 'x1' }, null);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer');
    expect(without.json).toEqual({ schema_version: 1, kind: 'error', code: 'refused', message: 'this endpoint needs a write token: Authorization: Bearer <token>' });
    const basic = await http(base, 'POST', '/v1/sources', { name: 'x1' }, null, { authorization: 'Basic Y2k6eA==' });
    expect(basic.status).toBe(401);
    const wrong = await http(base, 'POST', '/v1/sources', { name: 'x1' }, OTHER_TOKEN);
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({ schema_version: 1, kind: 'error', code: 'refused', message: 'the bearer token is not valid for this hub' });
    for (const [method, path] of [['PATCH', '/v1/sources/payments'], ['DELETE', '/v1/sources/payments'], ['PUT', '/v1/sources/payments/snapshot'], ['POST', '/v1/compose']]) {
      expect((await http(base, method, path, method === 'DELETE' || method === 'POST' ? undefined : {}, null)).status).toBe(401);
    }
    expect((await http(base, 'GET', '/v1/sources/x1', undefined, null)).status).toBe(404);
  });

  it('validate strictly: unknown properties and wrong types are 400, never stripped or coerced', async () => {
    const extra = await http(base, 'POST', '/v1/sources', { name: 'x2', colour: 'red' });
    expect(extra.status).toBe(400);
    expect(extra.json).toEqual({ schema_version: 1, kind: 'error', code: 'usage', message: 'body must NOT have additional properties' });
    const coerced = await http(base, 'POST', '/v1/sources', { name: 'x2', enabled: 'true' });
    expect(coerced.status).toBe(400);
    expect(coerced.json.message).toBe('body/enabled must be boolean');
    expect((await http(base, 'POST', '/v1/sources', { name: 'Bad Name' })).status).toBe(400);
    expect((await http(base, 'POST', '/v1/sources', '{"name": "x2", "__proto__": {"admin": true}}')).status).toBe(400);
    expect((await http(base, 'POST', '/v1/sources', '{"name": ')).status).toBe(400);
    expect((await http(base, 'PATCH', '/v1/sources/payments', {})).status).toBe(400);
    const badUrl = await http(base, 'POST', '/v1/sources', { name: 'x2', url: 'http://example.org/snapshot.json' });
    expect(badUrl.json).toEqual({
      schema_version: 1,
      kind: 'error',
      code: 'usage',
      message: 'plain http to example.org is not allowed (use https, or list the host in --allow-http-host)',
    });
    const creds = await http(base, 'POST', '/v1/sources', { name: 'x2', url: 'https://user:secret@example.org/s.json' });
    expect(creds.status).toBe(400);
    expect(creds.text).not.toContain('secret');
    expect((await http(base, 'GET', '/v1/sources/x2', undefined, null)).status).toBe(404);
  });

  it('limit the body size (413)', async () => {
    const answer = await http(base, 'POST', '/v1/sources', { name: 'x3', description: 'x'.repeat(100_000) });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ schema_version: 1, kind: 'error', code: 'usage' });
  });

  it('register, change and remove a source; a duplicate name is a conflict', async () => {
    const created = await http(base, 'POST', '/v1/sources', { name: 'remote', url: 'https://snapshots.example.org/w.json', domain: 'payments', cache_ttl_seconds: 60 });
    expect(created.status).toBe(201);
    expect(created.json.source).toMatchObject({ name: 'remote', mode: 'url', status: 'pending', included: false, cache_ttl_seconds: 60, domain: 'payments' });
    expect((await http(base, 'POST', '/v1/sources', { name: 'remote' })).json).toMatchObject({ code: 'conflict' });
    const changed = await http(base, 'PATCH', '/v1/sources/remote', { enabled: false, description: 'paused' });
    expect(changed.json.source).toMatchObject({ enabled: false, description: 'paused', url: 'https://snapshots.example.org/w.json' });
    const push = await http(base, 'PUT', '/v1/sources/remote/snapshot', snapshot);
    expect(push.status).toBe(409);
    expect(push.json.code).toBe('conflict');
    const removed = await http(base, 'DELETE', '/v1/sources/remote');
    expect(removed.json).toEqual({ schema_version: 1, kind: 'source-removed', name: 'remote' });
    expect((await http(base, 'DELETE', '/v1/sources/remote')).status).toBe(404);
  });

  it('a pushed snapshot is validated; a rejected one changes nothing', async () => {
    const before = (await http(base, 'GET', '/v1/sources/payments')).json.source;
    const doc = JSON.parse(snapshot);
    doc.tasks[0].status = 42;
    const bad = await http(base, 'PUT', '/v1/sources/payments/snapshot', doc);
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ schema_version: 1, kind: 'error', code: 'usage', message: 'not a valid snapshot: /tasks/0/status must be string,null' });
    expect((await http(base, 'GET', '/v1/sources/payments')).json.source).toEqual(before);
  });
});

describe('limits and failures', () => {
  it('rate-limits writes only, with a JSON 429', async () => {
    const small = await inProcessHub({ limits: { writesPerWindow: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await http(small.url, 'POST', '/v1/sources', { name: `s${i}` }, OTHER_TOKEN)).status);
      expect(codes).toEqual([403, 403, 403, 429, 429]);
      const limited = await http(small.url, 'POST', '/v1/sources', { name: 'late' });
      expect(limited.json).toMatchObject({ schema_version: 1, kind: 'error', code: 'refused' });
      expect(limited.json.message).toMatch(/^too many write requests: at most 3 per /);
      expect((await http(small.url, 'GET', '/v1/sources', undefined, null)).status).toBe(200);
    } finally {
      await small.stop();
    }
  });

  it('answers an internal failure with a 500 that carries no stack or detail', async () => {
    const broken = await inProcessHub();
    try {
      await broken.context.store.close();
      const answer = await http(broken.url, 'POST', '/v1/sources', { name: 'x' });
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual({ schema_version: 1, kind: 'error', code: 'internal', message: 'internal error (the hub log has the details)' });
      const health = await http(broken.url, 'GET', '/health', undefined, null);
      expect(health.status).toBe(503);
      expect(health.json.status).toBe('unavailable');
    } finally {
      await broken.stop().catch(() => undefined);
    }
  });
});
