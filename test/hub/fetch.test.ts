// SSRF-safe fetching of url sources. A canary server on loopback stands for an internal service:
// every spelling of its address (decimal, octal, hex and short IPv4, IPv4-mapped IPv6, names that
// resolve to it, redirects to it) must be refused before a request reaches it. A second server on
// 127.0.0.2, explicitly allowed, stands for a legitimate snapshot host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressAllowList, nonPublicReason } from '../../src/hub/fetch/address.js';
import { FETCH_DEFAULTS, systemResolve, type FetchPolicy, type ResolvedAddress } from '../../src/hub/fetch/policy.js';
import { safeFetchText } from '../../src/hub/fetch/safe-fetch.js';
import type { RunningHub } from '../../src/hub/start.js';
import { fixtureCopy } from '../dispatch/workspace.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { exportText, http, inProcessHub } from './helpers.js';

interface TestServer {
  server: Server;
  port: number;
  hits: string[];
}

async function listen(host: string, handler: (path: string, respond: (status: number, headers: Record<string, string>, body?: string | Buffer) => void) => void): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    handler(request.url ?? '', (status, headers, body) => {
      response.writeHead(status, headers);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

let canary: TestServer;
let good: TestServer;
let snapshot: string;
const resolverCalls: string[] = [];

/** Test DNS: a few made-up names, everything else through the system resolver. */
async function testResolve(host: string): Promise<ResolvedAddress[]> {
  resolverCalls.push(host);
  if (host === 'evil.example') return [{ address: '127.0.0.1', family: 4 }];
  if (host === 'mixed.example') return [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }];
  if (host === 'mapped.example') return [{ address: '::ffff:127.0.0.1', family: 6 }];
  if (host === 'snapshots.example') return [{ address: '127.0.0.2', family: 4 }];
  return systemResolve(host);
}

const HTTP_HOSTS = ['127.0.0.1', 'localhost', '[::ffff:7f00:1]', '[::1]', '0.0.0.0', 'evil.example', 'mixed.example', 'mapped.example', 'snapshots.example', '127.0.0.2'];

function policy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    allowHttpHosts: new Set(HTTP_HOSTS),
    allowPrivate: new AddressAllowList(['127.0.0.2']),
    connectTimeoutMs: FETCH_DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: 5_000,
    maxBytes: FETCH_DEFAULTS.maxBytes,
    maxRedirects: 3,
    resolve: testResolve,
    userAgent: 'custodian-hub/test',
    ...overrides,
  };
}

beforeAll(async () => {
  snapshot = exportText(fixtureCopy());
  canary = await listen('127.0.0.1', (_path, respond) => respond(200, { 'content-type': 'application/json' }, snapshot));
  good = await listen('127.0.0.2', (path, respond) => {
    if (path === '/snapshot.json') respond(200, { 'content-type': 'application/json' }, snapshot);
    else if (path === '/to-canary') respond(302, { location: `http://127.0.0.1:${canary.port}/secret` });
    else if (path === '/to-canary-decimal') respond(301, { location: `http://2130706433:${canary.port}/secret` });
    else if (path === '/to-evil') respond(307, { location: `http://evil.example:${canary.port}/secret` });
    else if (path === '/relative') respond(302, { location: '/snapshot.json' });
    else if (path.startsWith('/loop')) respond(302, { location: `/loop${path.length}` });
    else if (path === '/big') respond(200, { 'content-type': 'application/json' }, Buffer.alloc(5000, 32));
    else if (path === '/big-declared') respond(200, { 'content-type': 'application/json', 'content-length': '99999999' });
    else if (path === '/not-found') respond(404, {}, 'no');
    else if (path === '/latin1') respond(200, {}, Buffer.from([0x7b, 0xe9, 0x7d]));
    else if (path === '/file') respond(302, { location: 'file:///etc/passwd' });
    // '/hang': never answers.
  });
});
afterAll(async () => {
  await new Promise((resolve) => canary.server.close(resolve));
  good.server.closeAllConnections();
  await new Promise((resolve) => good.server.close(resolve));
  removeTempDirs();
});

describe('addresses', () => {
  it('classifies every non-public range and lets public unicast through', () => {
    expect(nonPublicReason('127.0.0.1')).toBe('loopback');
    expect(nonPublicReason('10.1.2.3')).toBe('private');
    expect(nonPublicReason('172.31.255.255')).toBe('private');
    expect(nonPublicReason('192.168.1.1')).toBe('private');
    expect(nonPublicReason('169.254.169.254')).toBe('link-local');
    expect(nonPublicReason('100.64.0.1')).toBe('shared (carrier-grade NAT)');
    expect(nonPublicReason('0.0.0.0')).toBe('this network');
    expect(nonPublicReason('224.0.0.1')).toBe('multicast');
    expect(nonPublicReason('255.255.255.255')).toBe('reserved');
    expect(nonPublicReason('::1')).toBe('loopback');
    expect(nonPublicReason('::')).toBe('unspecified');
    expect(nonPublicReason('::ffff:8.8.8.8')).toBe('IPv4-mapped');
    expect(nonPublicReason('::ffff:7f00:1')).toBe('IPv4-mapped');
    expect(nonPublicReason('64:ff9b::7f00:1')).toBe('NAT64');
    expect(nonPublicReason('fd00::1')).toBe('unique-local');
    expect(nonPublicReason('fe80::1')).toBe('link-local');
    expect(nonPublicReason('ff02::1')).toBe('multicast');
    expect(nonPublicReason('2002:7f00:1::')).toBe('6to4');
    expect(nonPublicReason('2001:db8::1')).toBe('documentation');
    expect(nonPublicReason('8.8.8.8')).toBeNull();
    expect(nonPublicReason('93.184.216.34')).toBeNull();
    expect(nonPublicReason('2606:4700::1111')).toBeNull();
  });
});

describe('fetching refuses every way to the canary', () => {
  const refusals: [string, () => string, RegExp][] = [
    ['dotted loopback', () => `http://127.0.0.1:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['decimal', () => `http://2130706433:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['hex', () => `http://0x7f000001:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['octal', () => `http://0177.0.0.1:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['short', () => `http://127.1:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['mixed short hex', () => `http://0x7f.1:${canary.port}/`, /127\.0\.0\.1 is a loopback address/],
    ['IPv4-mapped IPv6', () => `http://[::ffff:127.0.0.1]:${canary.port}/`, /::ffff:7f00:1 is a IPv4-mapped address/],
    ['IPv4-mapped IPv6, long form', () => `http://[0:0:0:0:0:ffff:7f00:1]:${canary.port}/`, /::ffff:7f00:1 is a IPv4-mapped address/],
    ['IPv6 loopback', () => `http://[::1]:${canary.port}/`, /::1 is a loopback address/],
    ['0.0.0.0', () => `http://0.0.0.0:${canary.port}/`, /0\.0\.0\.0 is a this network address/],
    ['localhost', () => `http://localhost:${canary.port}/`, /localhost resolves to .* is a loopback address/],
    ['a name resolving to loopback', () => `http://evil.example:${canary.port}/`, /evil\.example resolves to 127\.0\.0\.1 is a loopback address/],
    ['a name with one private address among public ones', () => `http://mixed.example:${canary.port}/`, /mixed\.example resolves to 127\.0\.0\.1/],
    ['a name resolving to an IPv4-mapped address', () => `http://mapped.example:${canary.port}/`, /mapped\.example resolves to ::ffff:127\.0\.0\.1 is a IPv4-mapped address/],
    ['a redirect to loopback', () => `http://127.0.0.2:${good.port}/to-canary`, /127\.0\.0\.1 is a loopback address/],
    ['a redirect to a decimal spelling', () => `http://127.0.0.2:${good.port}/to-canary-decimal`, /127\.0\.0\.1 is a loopback address/],
    ['a redirect to a name resolving to loopback', () => `http://127.0.0.2:${good.port}/to-evil`, /evil\.example resolves to 127\.0\.0\.1/],
    ['a redirect to file:', () => `http://127.0.0.2:${good.port}/file`, /scheme file: is not fetched/],
    ['plain http to a host not allowed it', () => `http://127.0.0.3:${canary.port}/`, /plain http to 127\.0\.0\.3 is not allowed/],
    ['credentials in the URL', () => `http://user:pw@127.0.0.2:${good.port}/snapshot.json`, /URLs with credentials are not fetched/],
    ['file:', () => 'file:///etc/passwd', /scheme file: is not fetched/],
  ];
  for (const [name, url, message] of refusals) {
    it(name, async () => {
      await expect(safeFetchText(url(), policy())).rejects.toThrow(message);
      expect(canary.hits).toEqual([]);
    });
  }

  it('https to an address that is not allowed is refused before connecting', async () => {
    await expect(safeFetchText(`https://127.0.0.1:${canary.port}/`, policy())).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    expect(canary.hits).toEqual([]);
  });
});

describe('fetching from an allowed host', () => {
  it('fetches, follows a relative redirect, resolves each name once', async () => {
    expect((await safeFetchText(`http://127.0.0.2:${good.port}/snapshot.json`, policy())).text).toBe(snapshot);
    expect(await safeFetchText(`http://127.0.0.2:${good.port}/relative`, policy())).toEqual({ text: snapshot, url: `http://127.0.0.2:${good.port}/snapshot.json` });
    resolverCalls.length = 0;
    expect((await safeFetchText(`http://snapshots.example:${good.port}/snapshot.json`, policy())).text).toBe(snapshot);
    expect(resolverCalls).toEqual(['snapshots.example']);
  });

  it('stops after three redirects', async () => {
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/loop`, policy())).rejects.toThrow('too many redirects (more than 3)');
  });

  it('caps the size, declared or streamed', async () => {
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/big`, policy({ maxBytes: 1000 }))).rejects.toThrow('the snapshot is over the 1000-byte cap');
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/big-declared`, policy({ maxBytes: 1000 }))).rejects.toThrow(
      'the snapshot is 99999999 bytes, over the 1000-byte cap',
    );
  });

  it('gives up after the total timeout', async () => {
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/hang`, policy({ totalTimeoutMs: 300 }))).rejects.toThrow('timed out after 300 ms');
  });

  it('reports HTTP errors, refused connections and text that is not UTF-8', async () => {
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/not-found`, policy())).rejects.toThrow(`127.0.0.2:${good.port} answered HTTP 404`);
    await expect(safeFetchText(`http://127.0.0.2:${good.port}/latin1`, policy())).rejects.toThrow('the snapshot is not UTF-8 text');
    const closed = await listen('127.0.0.2', () => undefined);
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    await expect(safeFetchText(`http://127.0.0.2:${port}/`, policy())).rejects.toThrow(`connection refused by 127.0.0.2:${port}`);
  });
});

describe('compose on the hub', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await inProcessHub({ allowHttpHosts: HTTP_HOSTS, allowPrivate: ['127.0.0.2'], resolve: testResolve });
  });
  afterAll(async () => hub?.stop());

  it('fetches a url source, validates it and puts it in the view; TTL keeps it until forced', async () => {
    const created = await http(hub.url, 'POST', '/v1/sources', { name: 'remote', url: `http://snapshots.example:${good.port}/snapshot.json`, required: true });
    expect(created.status).toBe(201);
    const before = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(before.json.complete).toBe(false);
    const composed = await http(hub.url, 'POST', '/v1/compose');
    expect(composed.json).toEqual({ schema_version: 1, kind: 'compose-report', items: [{ name: 'remote', outcome: 'fetched', last_error: null }], complete: true });
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(view.json.complete).toBe(true);
    expect(view.json.repos.map((r: { source: string; slug: string }) => `${r.source}/${r.slug}`)).toEqual(['remote/docs-site', 'remote/ledger-api', 'remote/ledger-cli']);
    const again = await http(hub.url, 'POST', '/v1/compose?force=false');
    expect(again.json.items).toEqual([{ name: 'remote', outcome: 'fresh', last_error: null }]);
  });

  it('leaves out a source whose fetch is refused, says why, and fails closed when it is required', async () => {
    await http(hub.url, 'POST', '/v1/sources', { name: 'sneaky', url: `http://2130706433:${canary.port}/`, required: true });
    // 2130706433 is not in HTTP_HOSTS, but the URL parser made it 127.0.0.1, which is.
    const composed = await http(hub.url, 'POST', '/v1/compose');
    expect(composed.json.complete).toBe(false);
    expect(composed.json.items).toContainEqual({ name: 'sneaky', outcome: 'failed', last_error: 'refused: 127.0.0.1 is a loopback address (not allowed unless listed in --allow-private)' });
    const source = await http(hub.url, 'GET', '/v1/sources/sneaky', undefined, null);
    expect(source.json.source).toMatchObject({ status: 'error', included: false, last_error: expect.stringContaining('loopback') });
    const view = await http(hub.url, 'GET', '/v1/federated', undefined, null);
    expect(view.json.complete).toBe(false);
    expect(view.json.sources.find((s: { name: string }) => s.name === 'sneaky')).toMatchObject({ included: false, required: true });
    expect(canary.hits).toEqual([]);
  });

  it('leaves out a source whose document is not a valid snapshot', async () => {
    await http(hub.url, 'POST', '/v1/sources', { name: 'junk', url: `http://127.0.0.2:${good.port}/latin1` });
    const composed = await http(hub.url, 'POST', '/v1/compose');
    expect(composed.json.items).toContainEqual({ name: 'junk', outcome: 'failed', last_error: 'the snapshot is not UTF-8 text' });
  });
});
