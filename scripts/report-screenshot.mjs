// Makes docs/report.png, the README's picture of the dashboard: `custodian report --html` of the
// bundled example workspace (fixtures/workspace), opened from file:// in Debian's chromium.
//   npm run build && node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'custodian-screenshot-'));
const page = join(dir, 'report.html');
try {
  // A fixed clock, so the picture changes only when the page or the example does.
  execFileSync(process.execPath, [join(root, 'bin', 'custodian.js'), '-w', join(root, 'fixtures', 'workspace'), 'report', '--html', '--out', page], {
    env: { ...process.env, CUSTODIAN_NOW: '2026-11-20T09:00:00Z' },
    stdio: 'inherit',
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: 1280, height: 1500 },
  });
  const tab = await browser.newPage();
  await tab.goto(`file://${page}`);
  await tab.waitForSelector('#graph-box svg.graph');
  // The top of the page: the figures, the domains with their repos, goals, workstreams and the queue.
  await tab.screenshot({ path: join(root, 'docs', 'report.png'), clip: { x: 0, y: 0, width: 1280, height: 1500 } });
  await browser.close();
  console.log('wrote docs/report.png');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
