// The hub's GET / in chromium: the report page of the federated view (two workspaces and a
// required source that never sent a snapshot), served over loopback with the page's own CSP,
// readiness resolved across workspaces, and the page following the view on reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/start.js';
import { removeTempDirs, runCli } from '../helpers/git-repo.js';
import { exportText, http, inProcessHub, NOW_ENV, pushSource, splitFixture } from '../hub/helpers.js';
import { chromiumBinary, openUrl, saveScreenshot, type OpenedPage } from './helpers/chromium.js';

describe.skipIf(!chromiumBinary.available)('the hub\'s dashboard in chromium', () => {
  let hub: RunningHub;
  let opened: OpenedPage;
  let clients: string;

  beforeAll(async () => {
    const workspaces = splitFixture();
    clients = workspaces.clients;
    hub = await inProcessHub();
    await pushSource(hub.url, 'payments', exportText(workspaces.payments));
    await pushSource(hub.url, 'clients', exportText(clients));
    expect((await http(hub.url, 'POST', '/v1/sources', { name: 'east', required: true })).status).toBe(201);
    opened = await openUrl(`${hub.url}/`);
  });
  afterAll(async () => {
    await opened?.close();
    await hub?.stop();
    removeTempDirs();
  });

  it('shows the federated view with its sources, says it is incomplete, and asks for nothing else', async () => {
    const { page } = opened;
    expect(await page.locator('h1').textContent()).toBe('custodian — federated report');
    expect(await page.locator('header .subtitle').textContent()).toBe('Federated view of 3 sources');
    expect(await page.locator('header [role="alert"]').textContent()).toMatch(/^Incomplete: a required source is missing/);
    const sources = await page.locator('header .sources li').allTextContents();
    expect(sources.map((s) => s.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'TIME'))).toEqual(['clients (snapshot of TIME)', 'east (required, not in the view: no snapshot yet)', 'payments (snapshot of TIME)']);
    // One card per domain, whichever sources register it; each repo says where it came from.
    expect(await page.locator('#domains li.domain h3').allTextContents()).toEqual(['Payments payments', 'Documentation docs']);
    expect(await page.locator('#domains .repo-card').evaluateAll((cards) => cards.map((c) => `${c.querySelector('code.id')?.textContent}@${c.querySelector('.source')?.textContent}`))).toEqual([
      'ledger-cli@clients',
      'ledger-api@payments',
      'docs-site@payments',
    ]);
    await page.waitForSelector('#graph-box svg.graph');
    expect(opened.errors).toEqual([]);
    expect(new Set(opened.requests)).toEqual(new Set([`${hub.url}/`]));
    await saveScreenshot(page, 'report-hub');
  });

  it('resolves a dependency on another workspace\'s task: ledger-cli\'s first task is ready', async () => {
    const ready = await opened.page.locator('[data-list="ready"] > li code.id').allTextContents();
    expect(ready).toContain('LCLI-WP-0001-T01');
    // The cross-workspace edge is drawn as crossing repos.
    expect(await opened.page.locator('#graph-box path.edge.cross').count()).toBeGreaterThan(0);
  });

  it('follows the view on reload after a workspace pushes a new snapshot', async () => {
    expect(runCli(['-w', clients, 'task', 'status', 'LCLI-WP-0001-T01', 'done'], { env: NOW_ENV }).code).toBe(0);
    const pushed = await http(hub.url, 'PUT', '/v1/sources/clients/snapshot', exportText(clients));
    expect(pushed.status).toBe(200);
    await opened.page.reload();
    expect(await opened.page.locator('[data-list="ready"] > li code.id').allTextContents()).not.toContain('LCLI-WP-0001-T01');
    expect(await opened.page.locator('#workstreams li.workstream', { hasText: 'LCLI-WP-0001' }).locator('.figures').textContent()).toMatch(/^1\/2 done/);
    expect(opened.errors).toEqual([]);
  });
});
