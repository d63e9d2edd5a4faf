// `npm run bench`: generates seeded workspaces (50 repos × 1,000 and 10,000 planning files) and
// measures every hot path beside the floors measured in the same run. Writes bench/out/results.json
// and bench/out/results.md. Options: --sizes 1000,10000  --suites parse,sync,check,dispatch,doi,report,mcp,agents,events,hub
// (hub: bench/hub.mjs, the federation hub under load, once; it writes bench/out/hub.json)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from './generate.mjs';
import { CLI, GOAL_RUNS, ROOT, fileFloors, floorArgs, measure, measureBeside, nodeFloor, round, runNode } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '1000,10000').split(',').map(Number);
const suites = option('suites', 'parse,sync,check,dispatch,doi,report,mcp,agents,events,hub').split(',');
const OUT = join(ROOT, 'bench', 'out');
mkdirSync(OUT, { recursive: true });
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const rows = [];
const report = (row) => {
  rows.push(row);
  const target = row.target_ms === undefined ? '' : `  target ≤ ${round(row.target_ms)} ms (${row.target}): ${row.goal_ratio} of it  ${row.pass ? 'PASS' : 'MISS'}`;
  const memory = row.peak_rss_mib === undefined ? '' : `  peak ${row.peak_rss_mib} MiB`;
  console.log(`${row.size ? `[${row.size}] ` : ''}${row.name}: ${row.median_ms} ms${memory}${target}`);
};
// goal_ratio: the median over the goal (≤ 1 passes), so runs on machines of any speed compare.
const withTarget = (result, size, target_ms, target) => ({ ...result, size, target_ms: round(target_ms), target, goal_ratio: Math.round((result.median_ms / target_ms) * 100) / 100, pass: result.median_ms <= target_ms });

console.log(`custodian benchmarks — node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`);
const node = await nodeFloor();
report(node);

for (const size of sizes) {
  const workspace = ensureWorkspace(size);
  const floors = await fileFloors(workspace);
  report({ ...floors.read, size, bytes: floors.bytes });
  report({ ...floors.stat, size });
  const statTime = Math.max(0, floors.stat.median_ms - node.median_ms);
  const context = { workspace, size, node, floors, statTime, cliPath: CLI, measure, report, withTarget, runNode, round };

  if (suites.includes('parse')) {
    const parse = await measure('parse every file (one node process)', () => runNode([join(ROOT, 'bench', 'parse-all.mjs'), workspace]), { runs: 5 });
    const out = JSON.parse(runNode([join(ROOT, 'bench', 'parse-all.mjs'), workspace]).stdout);
    report({ ...withTarget(parse, size, 3 * floors.read.median_ms, '3× read floor'), files: out.files, tasks: out.tasks, fallbacks: out.fallbacks });
  }
  if (suites.includes('sync')) await benchSync(context);
  for (const [suite, file, fn] of [
    ['check', 'check.mjs', 'benchCheck'],
    ['dispatch', 'dispatch.mjs', 'benchDispatch'],
    ['doi', 'doi.mjs', 'benchDoi'],
    ['report', 'report.mjs', 'benchReport'],
    ['mcp', 'mcp.mjs', 'benchMcp'],
    ['agents', 'agents.mjs', 'benchAgents'],
    ['events', 'events.mjs', 'benchEvents'],
  ]) {
    if (!suites.includes(suite) || !existsSync(join(ROOT, 'bench', file))) continue;
    const mod = await import(`./${file}`);
    const results = (await mod[fn](context)) ?? [];
    for (const row of results) if (!rows.includes(row)) report(row);
  }
}

if (suites.includes('hub')) await (await import('./hub.mjs')).benchHub();

writeFileSync(join(OUT, 'results.json'), JSON.stringify({ node: process.version, cores: cpus().length, date: new Date().toISOString(), rows }, null, 2));
writeFileSync(join(OUT, 'results.md'), markdown(rows));
console.log(`\nwrote ${join('bench', 'out', 'results.json')} and results.md`);

async function benchSync({ workspace, size, node, statTime }) {
  const index = join(workspace, '.custodian');
  const sync = ['-w', workspace, 'sync'];
  // Each first sync beside a read floor run: the goal is set from those floors (measureBeside).
  // As many runs as the other goal rows (GOAL_RUNS) at 10,000 files: this machine's speed drifts by
  // tens of percent within a minute, and a slow stretch slows the first sync (two threads, on both
  // cores) far more than the read floor beside it (one thread): seven runs in session 14 gave a
  // median of 2,700 ms (1.04 of the goal) with the fastest at 2,042, where paired runs within the
  // same hour had medians of 2,020-2,140; the median of three moved with one slow run (session 11).
  const cold = await measureBeside('cold sync', sync, floorArgs(workspace, 'read'), {
    runs: size >= 10000 ? GOAL_RUNS : 7,
    warmup: 0,
    rss: true,
    before: () => rmSync(index, { recursive: true, force: true }),
  });
  // Issue 16's goal is set at 10,000 files; below that, listing 50 repos with git and starting a
  // parse worker are most of a first sync, and the earlier 10× is kept.
  const coldTimes = size >= 10000 ? 6 : 10;
  report(withTarget(cold, size, coldTimes * cold.floor_ms, `${coldTimes}× read floor beside it${size >= 10000 ? ' (issue 16)' : ''}`));
  runNode([CLI, ...sync]);
  const noop = await measure('no-op sync', sync, { runs: 9 });
  report(withTarget(noop, size, 3 * node.median_ms + statTime, '3× node -e 0 + stat time'));
  const changed = join(workspace, 'repos', 'repo-00', 'workplans', 'R00-WP-0000.md');
  const original = readFileSync(changed);
  const one = await measure('sync after one file changed', sync, {
    runs: 9,
    before: (i) => writeFileSync(changed, Buffer.concat([original, Buffer.from(`\nChanged ${i}.\n`)])),
  });
  writeFileSync(changed, original);
  const restored = Date.now();
  report(withTarget(one, size, 1.5 * noop.median_ms, '1.5× no-op sync'));
  runNode([CLI, ...sync]);
  const listRepo = ['-w', workspace, 'task', 'list', '--json', '--repo', 'repo-07'];
  // Within 3 s of an edit the file's stamp cannot vouch for it (racy): each command reads it again.
  const racy = await measure('task list --json --repo repo-07, within 3 s of an edit (the edited file read again)', listRepo, { runs: 3 });
  report({ ...racy, size });
  // Issue 16's no-op read: once the edit is 3 s old, a sync settles it and nothing is left to read.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, restored + 3100 - Date.now())));
  runNode([CLI, ...sync]);
  const list = await measureBeside('task list --json --repo repo-07 (end to end, no-op)', listRepo, floorArgs(workspace, 'stat'), { runs: GOAL_RUNS, rss: true });
  // Issue 16's goals are set at 10,000 files; below that, start-up is most of a read command.
  report(size >= 10000 ? withTarget(list, size, 1.5 * list.floor_ms, '1.5× stat floor beside it (issue 16)') : { ...list, size });
  // Every task (61,609 at 10,000 files), streamed out: goal < 2 s and < 150 MiB peak (issue 16).
  const all = await measure('task list --json, every task (end to end)', ['-w', workspace, 'task', 'list', '--json'], { runs: 5, rss: true });
  report({ ...withTarget(all, size, 2000, '2 s'), memory_target_mib: 150, memory_pass: all.peak_rss_mib <= 150 });
}

function ensureWorkspace(files) {
  const dir = join(OUT, `ws-${files}`);
  const marker = join(dir, '.generated.json');
  const params = JSON.stringify({ repos: 50, files, seed: 1, generator: readFileSync(join(ROOT, 'bench', 'generate.mjs'), 'utf8').length });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== params) {
    console.log(`generating ${dir} (50 repos, ${files} files)…`);
    generateWorkspace(dir, { repos: 50, files, seed: 1 });
    writeFileSync(marker, params);
  }
  return dir;
}

function markdown(list) {
  const lines = ['| size | measurement | median ms | min ms | peak MiB | target | ratio to target | result |', '| ---: | --- | ---: | ---: | ---: | --- | ---: | --- |'];
  for (const r of list) {
    lines.push(`| ${r.size ?? ''} | ${r.name} | ${r.median_ms} | ${r.min_ms ?? ''} | ${r.peak_rss_mib ?? ''} | ${r.target_ms === undefined ? '' : `≤ ${r.target_ms} (${r.target})`} | ${r.goal_ratio ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : 'miss'} |`);
  }
  return lines.join('\n') + '\n';
}
