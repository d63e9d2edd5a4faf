// `custodian report` end to end: the real CLI on real files in a temp git workspace, the page it
// writes opened in chromium from file://, and its ready queue held to `dispatch`'s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/report/model.js';
import { fixtureCopy, workspace } from '../dispatch/workspace.js';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { chromiumBinary, openHtml, saveScreenshot } from './helpers/chromium.js';

const ENV = { CUSTODIAN_NOW: '2026-11-20T09:00:00Z' };

afterAll(() => removeTempDirs());

describe('custodian report', () => {
  const ws = fixtureCopy();

  it('writes one self-contained page with --html --out and says so on stderr', () => {
    const result = runCli(['-w', ws, 'report', '--html', '--out', 'report.html'], { cwd: ws, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^custodian: wrote report\.html \(\d+ bytes\): 3 repos in 2 domains: 8 ready, 4 blocked, 1 for a human, 6 active workstreams, 1 interface change published\n$/);
    const html = readFileSync(join(ws, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing that could load: no URL, no src, every href a place in the page.
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\ssrc=/);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('#'))).toEqual([]);
    expect(html).toContain('<time datetime="2026-11-20T09:00:00Z">');
  });

  it('prints the same page to stdout without --out', () => {
    const result = runCli(['-w', ws, 'report', '--html'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ws, 'report.html'), 'utf8'));
  });

  it('prints the report document with --json; its ready queue per repo is dispatch\'s', () => {
    const { code, json } = runCliJson<ReportDocument>(['-w', ws, 'report', '--json'], { env: ENV });
    expect(code).toBe(0);
    expect(json).toMatchObject({ schema_version: 1, kind: 'report', origin: 'workspace', complete: true, limit: 50, generated_at: '2026-11-20T09:00:00Z' });
    for (const repo of json.repos) {
      const dispatch = runCliJson(['-w', ws, 'dispatch', repo.slug, '--json']).json;
      expect(json.ready_tasks.filter((t) => t.repo_slug === repo.slug).map((t) => t.id)).toEqual(dispatch.ready_tasks);
      expect(json.human_tasks.filter((t) => t.repo_slug === repo.slug).map((t) => t.id)).toEqual(dispatch.human_interventions.map((t: { id: string }) => t.id));
      expect(json.workstreams.filter((w) => w.repo_slug === repo.slug).map((w) => w.id)).toEqual(dispatch.active_workstreams.map((w: { id: string }) => w.id));
    }
    // Across repos the queue is `next`'s walk: its first task is the first ready todo task nobody
    // holds (an in_progress task is proposed only to its holder, by name).
    const next = runCliJson(['-w', ws, 'next', '--json']).json;
    expect(json.ready_tasks.find((t) => t.assignee === null && t.status === 'todo')?.id).toBe(next.task.id);
  });

  it('summarises without --html or --json', () => {
    const result = runCli(['-w', ws, 'report'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '3 repos in 2 domains: 8 ready, 4 blocked, 1 for a human, 6 active workstreams, 1 interface change published\ncustodian report --html --out report.html writes the dashboard\n',
    );
  });

  it('refuses --html with --json and a limit that is not a number (exit 2)', () => {
    expect(runCliJson(['-w', ws, 'report', '--html', '--json']).json).toMatchObject({ kind: 'error', code: 'usage', message: 'choose one of --html and --json' });
    const bad = runCli(['-w', ws, 'report', '--limit', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('custodian: --limit expects a whole number (0 for no limit), got "ten"\n');
  });

  it.skipIf(!chromiumBinary.available)('opens in chromium from file:// with the workspace visible, no request and no error', async () => {
    const opened = await openHtml(readFileSync(join(ws, 'report.html'), 'utf8'));
    try {
      const { page } = opened;
      expect(await page.locator('#domains li.domain h3').allTextContents()).toEqual(['Documentation docs', 'Payments payments']);
      expect(await page.locator('[data-list="ready"] > li code.id').first().textContent()).toBe('LEDG-WP-0001-T02');
      expect(await page.locator('#blocked li.task', { hasText: 'LCLI-WP-0001-T02' }).locator('.reasons').textContent()).toContain('depends on LEDG-WP-0009-T01, which names no task');
      await page.waitForSelector('#graph-box svg.graph');
      expect(await page.locator('#graph-box path.edge.cross').count()).toBeGreaterThan(0);
      await page.selectOption('#f-repo', 'ledger-cli');
      expect(await page.locator('[data-list="ready"] > li code.id').allTextContents()).toEqual(['LCLI-WP-0001-T01']);
      await page.selectOption('#f-repo', '');
      await saveScreenshot(page, 'report-fixture');
      expect(opened.errors).toEqual([]);
      expect(new Set(opened.requests)).toEqual(new Set([opened.url]));
    } finally {
      await opened.close();
    }
  });
});

describe('custodian report with hostile text in the files', () => {
  const hostile = '</script><script>window.__pwned=1</script><!-- \u001b[31mred\u001b[0m <b>bold</b>';
  const ws = workspace([{ slug: 'evil' }], {
    'repos/evil/workplans/EV-WP-0001.md': [
      '---',
      'id: EV-WP-0001',
      `title: "${hostile.replace(/\u001b/g, '\\e')}"`,
      'status: active',
      'created: "2026-01-01"',
      '---',
      '',
      `## ${hostile}`,
      '',
      '```task',
      'id: EV-WP-0001-T01',
      '```',
      '',
    ].join('\n'),
  });

  it.skipIf(!chromiumBinary.available)('renders titles as text in the page and in its data', async () => {
    const result = runCli(['-w', ws, 'report', '--html', '--out', 'r.html'], { cwd: ws, env: ENV });
    expect(result.code).toBe(0);
    const opened = await openHtml(readFileSync(join(ws, 'r.html'), 'utf8'));
    try {
      const { page } = opened;
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('b').count()).toBe(0);
      const shown = hostile.replace(/\u001b/g, '\u241b');
      expect(await page.locator('[data-list="ready"] .title').textContent()).toBe(shown);
      expect(await page.locator('#workstreams .title').textContent()).toBe(shown);
      // The script read the same title back from the embedded data and re-rendered it on filtering.
      await page.fill('#f-q', 'pwned');
      await expect.poll(() => page.locator('[data-list="ready"] .title').allTextContents()).toEqual([shown]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
