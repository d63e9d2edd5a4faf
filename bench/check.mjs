// `custodian check` benchmarks, called by bench/run.mjs for each workspace size:
// - the pre-commit case: `check --repo repo-07 <one file>` right after that file was edited
//   (the incremental sync re-reads one file; per-file rules run on that file alone, cross-file
//   rules look ids up in the index): target 4× `node -e 0`;
// - a full `check` of the workspace (every file re-parsed, every rule): target 2× a cold sync.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOAL_RUNS, floorArgs, measureBeside } from './lib.mjs';

export async function benchCheck({ workspace, cliPath, measure, size, node, statTime = 0, withTarget, runNode }) {
  const rows = [];
  const ws = ['-w', workspace];
  runNode([cliPath, ...ws, 'sync']);

  // A workplan of repo-07 that exists at every workspace size.
  const file = `workplans/${readdirSync(join(workspace, 'repos', 'repo-07', 'workplans')).sort()[0]}`;
  const path = join(workspace, 'repos', 'repo-07', file);
  const original = readFileSync(path);
  const one = await measure('check --repo repo-07 <one edited file> (pre-commit case)', [...ws, 'check', '--repo', 'repo-07', file], {
    runs: 9,
    rss: true,
    before: (i) => writeFileSync(path, Buffer.concat([original, Buffer.from(`\nEdited ${i}.\n`)])),
  });
  // The same edit followed by a plain `sync`: the check must sync first (ADR-001), so this is its floor.
  const sync = await measure('sync after the same edit (floor of the case above)', [...ws, 'sync'], {
    runs: 9,
    before: (i) => writeFileSync(path, Buffer.concat([original, Buffer.from(`\nEdited again ${i}.\n`)])),
  });
  writeFileSync(path, original);
  rows.push({ ...withTarget(one, size, 4 * node.median_ms, '4× node -e 0'), stat_floor_ms: Math.round(statTime), over_sync_ms: Math.round(one.median_ms - sync.median_ms) });
  rows.push({ ...sync, size });
  runNode([cliPath, ...ws, 'sync']);

  // The hook itself: `git add` of the edited file, then `check --staged --json` from inside the repo
  // (only the committing repo is synced; DESIGN, "Consistency check"): target 3× `node -e 0`.
  const repo = join(workspace, 'repos', 'repo-07');
  const stage = (i) => {
    writeFileSync(path, Buffer.concat([original, Buffer.from(`\nStaged ${i}.\n`)]));
    execFileSync('git', ['add', file], { cwd: repo, stdio: 'ignore' });
  };
  // Each run beside a `node -e 0` (measureBeside): the goal is 3× those.
  const staged = await measureBeside('check --staged --json, one staged file (pre-commit hook)', ['check', '--staged', '--json'], floorArgs(workspace, 'node'), { runs: GOAL_RUNS, rss: true, cwd: repo, before: stage });
  writeFileSync(path, original);
  execFileSync('git', ['add', file], { cwd: repo, stdio: 'ignore' });
  rows.push(withTarget(staged, size, 3 * staged.floor_ms, '3× node -e 0 beside it'));

  const index = mkdtempSync(join(tmpdir(), 'custodian-bench-index-'));
  const cold = await measure('cold sync (reference for the full check)', [...ws, '--index', join(index, 'index.sqlite'), 'sync'], {
    runs: 3,
    warmup: 0,
    before: () => rmSync(join(index, 'index.sqlite'), { force: true }),
  });
  rmSync(index, { recursive: true, force: true });
  rows.push({ ...cold, size });

  const full = await measure('check (whole workspace, json)', [...ws, 'check', '--format', 'json'], { runs: 3, rss: true });
  const report = JSON.parse(runNode([cliPath, ...ws, 'check', '--format', 'json'], { allowFail: true }).stdout);
  rows.push({ ...withTarget(full, size, 2 * cold.median_ms, '2× cold sync'), diagnostics: report.diagnostics.length });
  return rows;
}

// Standalone: `node bench/check.mjs <workspace>` (a workspace from bench/generate.mjs).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { CLI, measure, nodeFloor, runNode } = await import('./lib.mjs');
  const workspace = process.argv[2];
  if (!workspace) throw new Error('usage: node bench/check.mjs <workspace>');
  const node = await nodeFloor();
  const withTarget = (result, size, target_ms, target) => ({ ...result, size, target_ms: Math.round(target_ms), target, pass: result.median_ms <= target_ms });
  console.log(`node -e 0: ${node.median_ms} ms`);
  const rows = await benchCheck({ workspace, cliPath: CLI, measure, size: 0, node, withTarget, runNode });
  for (const row of rows) console.log(JSON.stringify(row));
}
