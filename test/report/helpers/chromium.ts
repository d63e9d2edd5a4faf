// Debian's chromium driven by playwright-core (never a downloaded browser), one fresh profile per
// launch, with every request and console message recorded so tests can assert there were none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../helpers/git-repo.js';
import { systemBinary } from '../../helpers/system-binary.js';

export const chromiumBinary = systemBinary(['chromium', 'chromium-browser'], { packageName: 'chromium' });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for (the page's own URL included). */
  requests: string[];
  /** Console messages of type error and uncaught exceptions. */
  errors: string[];
  url: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  hash?: string;
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

/** Writes `html` to a temp file and opens it from file:// in a fresh headless chromium. */
export async function openHtml(html: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  return open(dir, `file://${file}`, options);
}

/** Opens a page served over HTTP (the hub's GET /) in a fresh headless chromium. */
export async function openUrl(url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  return open(mkdtempSync(join(tmpdir(), 'custodian-report-')), url, options);
}

/** Only `page` itself may load: any other request is refused (and recorded). */
async function open(dir: string, page: string, options: OpenOptions): Promise<OpenedPage> {
  const { chromium } = await import('playwright-core');
  const profile = join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBinary.path,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Anything but the page itself is refused (and stays recorded above).
  await context.route('**/*', (route) => (route.request().url().split('#')[0] === page ? route.continue() : route.abort()));
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  tab.on('pageerror', (error) => errors.push(error.message));
  const url = `${page}${options.hash ?? ''}`;
  await tab.goto(url, { waitUntil: 'load' });
  return {
    page: tab,
    context,
    requests,
    errors,
    url,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-artifacts/ (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(PROJECT_ROOT, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs axe-core (from node_modules, injected through the debugging protocol, so the page's CSP stays on). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}
