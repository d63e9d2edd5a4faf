// The report page in a real headless chromium (Debian's, through playwright-core), opened from
// file://: what a person sees, what the filters and the search do, that nothing is fetched and
// nothing logs an error, that untrusted text stays text, and an accessibility scan.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/report/input.js';
import { renderReport } from '../../src/report/render.js';
import { axeViolations, chromiumBinary, openHtml, saveScreenshot, type OpenedPage } from './helpers/chromium.js';
import { sampleInput } from './helpers/sample-input.js';

const NOW = new Date('2026-03-01T12:00:00Z');

/** The visible text of each item of a list. */
const listIds = (opened: OpenedPage, list: string) => opened.page.locator(`[data-list="${list}"] > li:visible code.id`).allTextContents();

describe.skipIf(!chromiumBinary.available)('report page in chromium', () => {
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openHtml(renderReport(sampleInput(), { now: NOW }));
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('shows the workspace with no console error and no request beyond the page itself', async () => {
    const { page } = opened;
    await expect(page.locator('h1').textContent()).resolves.toBe('custodian report');
    expect(await listIds(opened, 'ready')).toEqual(['LED-WP-0001-T01', 'LED-WP-0002-T01', 'LED-WP-0001-T02', 'ALK-WP-0001-T02', 'LED-7']);
    expect(await listIds(opened, 'blocked')).toEqual(['ALK-WP-0001-T03', 'ALK-WP-0001-T05', 'SITE-WP-0001-T01', 'LED-WP-0002-T02']);
    expect(await listIds(opened, 'human')).toEqual(['ALK-WP-0001-T04']);
    const domains = await page.locator('#domains li.domain h3').allTextContents();
    expect(domains).toEqual(['Payments payments', 'Documentation docs']);
    expect(await page.locator('#domains .repo-card .tier').allTextContents()).toEqual(['standard', 'core', 'none']);
    expect(await page.locator('#blocked li.task').first().locator('.reasons').textContent()).toBe('waits for LED-WP-0001-T01 in ledger (in_progress)');
    expect(await page.locator('#blocked .cross-repo').count()).toBe(2);
    expect(await page.locator('#changes-published li code.id').allTextContents()).toEqual(['IC-1']);
    expect(await page.locator('#goals li code.id').allTextContents()).toEqual(['GOAL-1', 'GOAL-9']);
    expect(await page.locator('#workstreams svg.bar').count()).toBe(5);
    await page.waitForSelector('#graph-box svg.graph');
    expect(await page.locator('#graph-box g.node').count()).toBe(7);
    expect(await page.locator('#graph-box path.edge.cross').count()).toBe(2);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
    const shot = await saveScreenshot(page, 'report-sample');
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('renders untrusted titles as text: no markup, no script run, control characters visible', async () => {
    const { page } = opened;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img').count()).toBe(0);
    const title = await page.locator('[data-list="ready"] li').nth(2).locator('.title').textContent();
    expect(title).toBe('Escape </script><script>window.__pwned = 1</script><!-- and \u241b[31mred\u241b[0m <img src=x onerror="window.__pwned=2">');
    // The embedded data survived the same text: the page read every list from it.
    expect(await page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!).ready_tasks.length)).toBe(5);
  });

  it('filters by repo from the select, writes the filter to the URL hash, and shows only that repo', async () => {
    const { page } = opened;
    await page.selectOption('#f-repo', 'alkhub');
    expect(new URL(page.url()).hash).toBe('#repo=alkhub');
    expect(await listIds(opened, 'ready')).toEqual(['ALK-WP-0001-T02']);
    expect(await listIds(opened, 'blocked')).toEqual(['ALK-WP-0001-T03', 'ALK-WP-0001-T05']);
    expect(await page.locator('#domains .repo-card code.id').allTextContents()).toEqual(['alkhub']);
    // The interface changes reaching alkhub: the one it publishes and the one affecting it.
    expect(await page.locator('#changes li.change code.id').allTextContents()).toEqual(['IC-2', 'IC-1']);
    expect(await page.locator('[data-count="ready"]').textContent()).toBe('1 of 5');
    // The graph keeps alkhub's tasks and their neighbours in other repos.
    expect((await page.locator('#graph-box g.node .nid').allTextContents()).sort()).toEqual(['ALK-WP-0001-T01', 'ALK-WP-0001-T02', 'ALK-WP-0001-T03', 'ALK-WP-0001-T05', 'LED-WP-0001-T01', 'NOPE-T99', 'SITE-WP-0001-T01']);
    // A section link scrolls there and keeps the filter.
    await page.click('.toc a[href="#blocked"]');
    expect(new URL(page.url()).hash).toBe('#repo=alkhub');
    expect(await listIds(opened, 'ready')).toEqual(['ALK-WP-0001-T02']);
    await page.click('#f-clear');
    expect(new URL(page.url()).hash).toBe('');
    expect(await listIds(opened, 'ready')).toHaveLength(5);
  });

  it('filters by domain, narrowing the repo choices', async () => {
    const { page } = opened;
    await page.selectOption('#f-domain', 'docs');
    expect(new URL(page.url()).hash).toBe('#domain=docs');
    expect(await listIds(opened, 'ready')).toEqual([]);
    expect(await page.locator('[data-list="ready"] li.empty').textContent()).toBe('Nothing matches the filter.');
    expect(await listIds(opened, 'blocked')).toEqual(['SITE-WP-0001-T01']);
    expect(await page.locator('#f-repo option:not([hidden])').allTextContents()).toEqual(['All repos', 'site']);
    expect(await page.locator('#domains li.domain h3').allTextContents()).toEqual(['Documentation docs']);
    await page.click('#f-clear');
  });

  it('applies a filter given in the URL hash when the page opens', async () => {
    const again = await opened.context.newPage();
    await again.goto(`${opened.url}#repo=ledger&q=posting`);
    expect(await again.locator('#f-repo').inputValue()).toBe('ledger');
    expect(await again.locator('#f-q').inputValue()).toBe('posting');
    expect(await again.locator('[data-list="ready"] > li code.id').allTextContents()).toEqual(['LED-WP-0001-T01']);
    await again.close();
  });

  it('searches ids, titles and assignees as you type', async () => {
    const { page } = opened;
    await page.fill('#f-q', 'agent-7');
    await expect.poll(() => listIds(opened, 'ready')).toEqual(['LED-WP-0001-T01']);
    expect(new URL(page.url()).hash).toBe('#q=agent-7');
    expect(await listIds(opened, 'blocked')).toEqual([]);
    await page.fill('#f-q', 'hub');
    await expect.poll(() => listIds(opened, 'ready')).toEqual(['ALK-WP-0001-T02']);
    expect(await listIds(opened, 'blocked')).toEqual(['ALK-WP-0001-T03', 'ALK-WP-0001-T05', 'SITE-WP-0001-T01']);
    expect(await page.locator('#f-status').textContent()).toMatch(/^Showing \d+ of \d+ items$/);
    await page.click('#f-clear');
    expect(opened.errors).toEqual([]);
  });

  it('prints without the filter bar', async () => {
    const { page } = opened;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('#ready').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.filters').isVisible()).toBe(true);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const violations = await axeViolations(opened.page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    // Every page this context opened asked for its own file and nothing else.
    expect(new Set(opened.requests)).toEqual(new Set([opened.url]));
  });
});

describe.skipIf(!chromiumBinary.available)('report page without JavaScript', () => {
  it('still shows every list, with the first page of items', async () => {
    const opened = await openHtml(renderReport(sampleInput()), { javaScriptEnabled: false });
    try {
      expect(await listIds(opened, 'ready')).toEqual(['LED-WP-0001-T01', 'LED-WP-0002-T01', 'LED-WP-0001-T02', 'ALK-WP-0001-T02', 'LED-7']);
      expect(await opened.page.locator('#blocked .reasons').first().textContent()).toBe('waits for LED-WP-0001-T01 in ledger (in_progress)');
      expect(await opened.page.locator('.filters').isVisible()).toBe(false);
      expect(await opened.page.locator('#graph-box noscript').count()).toBe(1);
      expect(opened.requests).toEqual([opened.url]);
    } finally {
      await opened.close();
    }
  });
});

describe.skipIf(!chromiumBinary.available)('long lists', () => {
  it('shows a page of 100 and the rest on demand, numbering the queue', async () => {
    const input = manyReadyTasks(250);
    const opened = await openHtml(renderReport(input, { limit: 0 }));
    try {
      const { page } = opened;
      expect(await page.locator('[data-list="ready"] > li').count()).toBe(100);
      await page.click('[data-more="ready"] button');
      expect(await page.locator('[data-list="ready"] > li').count()).toBe(200);
      await page.click('[data-more="ready"] button');
      expect(await page.locator('[data-list="ready"] > li').count()).toBe(250);
      expect(await page.locator('[data-more="ready"] button').count()).toBe(0);
      expect(await page.locator('[data-list="ready"] > li').last().getAttribute('value')).toBe('250');
      // A list capped by the report's per-repo limit says how much it left out.
      await page.goto(opened.url);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
    const capped = await openHtml(renderReport(input, { limit: 30 }));
    try {
      // ledger's first 30 of its 249 ready tasks, and alkhub's one.
      expect(await capped.page.locator('[data-list="ready"] > li').count()).toBe(31);
      expect(await capped.page.locator('[data-capped="ready"]').textContent()).toMatch(/^219 more not in this report: it holds at most 30 per repo/);
    } finally {
      await capped.close();
    }
  });
});

function manyReadyTasks(n: number): ReportInput {
  const input = sampleInput();
  for (let i = 1; i <= n - 5; i++) {
    input.tasks.push({ ...input.tasks[9], id: `LED-${100 + i}`, title: `Backlog item ${i}`, file: `docs/tasks/LED-${100 + i}.md`, priority: 'low' });
  }
  return input;
}
