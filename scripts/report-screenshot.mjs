// Makes docs/report.png, the README's picture of the dashboard: `custodian report --html` of the
// bundled example workspace (fixtures/workspace), opened from file:// in Debian's chromium.
//   npm run build && node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'custodian-screenshot-'));
const page = join(dir, 'report.html');
// The example as its own repository on `main`, committed by a fixed identity at a fixed time, and
// a fixed clock: the picture changes only when the page or the example does, not with the checkout.
const time = '2026-11-20T09:00:00Z';
const env = { ...process.env, GIT_AUTHOR_NAME: 'custodian', GIT_AUTHOR_EMAIL: 'custodian@example.org', GIT_COMMITTER_NAME: 'custodian', GIT_COMMITTER_EMAIL: 'custodian@example.org', GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time, CUSTODIAN_NOW: time };
for (const key of Object.keys(env)) if (key === 'GIT_DIR' || key === 'GIT_INDEX_FILE' || key === 'GIT_WORK_TREE') delete env[key];
try {
  const workspace = join(dir, 'workspace');
  cpSync(join(root, 'fixtures', 'workspace'), workspace, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.custodian') });
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'example']]) execFileSync('git', args, { cwd: workspace, env });
  execFileSync(process.execPath, [join(root, 'bin', 'custodian.js'), '-w', workspace, 'report', '--html', '--out', page], { env, stdio: 'inherit' });
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
