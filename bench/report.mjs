// Report benchmarks, called by bench/run.mjs for each workspace size, or on their own:
//   node bench/report.mjs [--files 10000]
// - `report --html --out` end to end (sync check, DoI from cache, snapshot, report, page) beside
//   `export` (the snapshot it is built from) and the size of the page (goal: under 5 MB);
// - the page in Debian's chromium (playwright-core): first contentful paint and the load event,
//   opened from file:// as a whole and filtered to one repo (which draws the graph). Goal: first
//   paint under 2 s. Skipped, with a note, when chromium is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, measure, nodeFloor, ROOT, round, runNode } from './lib.mjs';

const PAINT_GOAL_MS = 2000;
const SIZE_GOAL_BYTES = 5_000_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function benchReport({ workspace, size, withTarget }) {
  const rows = [];
  const out = mkdtempSync(join(tmpdir(), 'custodian-bench-report-'));
  const page = join(out, 'report.html');
  try {
    runNode([CLI, '-w', workspace, 'sync']);
    const exported = await measure('export (the snapshot the report is built from)', ['-w', workspace, 'export', '--out', join(out, 'snapshot.json')], { runs: 3 });
    rows.push({ ...exported, size });
    const made = await measure('report --html --out (end to end)', ['-w', workspace, 'report', '--html', '--out', page], { runs: 3, rss: true });
    const bytes = statSync(page).size;
    rows.push({ ...made, size, output_bytes: bytes, output_mb: round(bytes / 1e6), size_goal: '< 5 MB', size_pass: bytes < SIZE_GOAL_BYTES });
    const chromium = findChromium();
    if (!chromium) {
      console.warn('bench/report: chromium not found (Debian package chromium): paint times skipped');
      return rows;
    }
    for (const [label, hash] of [['whole page', ''], ['filtered to repo-07, graph drawn', '#repo=repo-07']]) {
      const paint = await paintTimes(chromium, `file://${page}${hash}`, 5);
      rows.push({ ...withTarget({ name: `report page first contentful paint (${label})`, median_ms: paint.fcp, min_ms: paint.fcpMin, runs: paint.runs }, size, PAINT_GOAL_MS, '2 s goal'), size });
      rows.push({ name: `report page load event (${label})`, median_ms: paint.load, min_ms: paint.loadMin, runs: paint.runs, size });
    }
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Medians over fresh pages of one browser (after one untimed load that warms the file cache). */
async function paintTimes(executablePath, url, runs) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'custodian-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  const fcp = [];
  const load = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url, { waitUntil: 'load' });
      const timing = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      }));
      await page.close();
      if (errors.length) throw new Error(`the report page failed: ${errors.join('; ')}`);
      if (i === 0) continue;
      fcp.push(timing.fcp);
      load.push(timing.load);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const median = (list) => round([...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  return { fcp: median(fcp), fcpMin: round(Math.min(...fcp)), load: median(load), loadMin: round(Math.min(...load)), runs };
}

function findChromium() {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      // try the next name
    }
  }
  return null;
}

// Standalone: the 10,000-file workspace of bench/run.mjs (generated when missing), `node -e 0` and
// the machine's load, then the rows above.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--files');
  const files = i >= 0 ? Number(args[i + 1]) : 10000;
  const { generateWorkspace } = await import('./generate.mjs');
  const workspace = join(ROOT, 'bench', 'out', `ws-${files}`);
  if (!existsSync(join(workspace, 'custodian.yaml'))) generateWorkspace(workspace, { repos: 50, files, seed: 1 });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  const node = await nodeFloor();
  console.log(`node -e 0: ${node.median_ms} ms`);
  const withTarget = (result, size, target_ms, target) => ({ ...result, size, target_ms, target, pass: result.median_ms <= target_ms });
  for (const row of await benchReport({ workspace, size: files, withTarget })) console.log(JSON.stringify(row));
  console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
}
