// DoI benchmarks: `doi --json` over 50 real git repos, cold (--refresh: every criterion
// recomputed, git run for every repo) and cached (fingerprints unchanged: no git process at all).
// Called by bench/run.mjs with its context; returns the rows it measured.
import { join } from 'node:path';

export async function benchDoi({ workspace, cliPath, measure, node, size, withTarget, runNode }) {
  const doi = ['-w', workspace, 'doi', '--json'];
  // Sync first, so the cold run measures DoI rather than the first sync.
  runNode([cliPath, '-w', workspace, 'sync']);
  const rows = [];
  const cold = await measure('doi --json --refresh (cold: 14 criteria × 50 repos)', [...doi, '--refresh'], { runs: 3, warmup: 0, rss: true });
  rows.push({ ...cold, size });
  runNode([cliPath, ...doi]);
  const cached = await measure('doi --json (cached)', doi, { runs: 9 });
  rows.push(withTarget(cached, size, 4 * node.median_ms, '4× node -e 0'));
  const noSync = await measure('doi --json --no-sync (cached, DoI alone)', [...doi, '--no-sync'], { runs: 9 });
  rows.push(withTarget(noSync, size, 4 * node.median_ms, '4× node -e 0'));
  const one = await measure('doi repo-07 --json (cached)', ['-w', workspace, 'doi', 'repo-07', '--json'], { runs: 9 });
  rows.push({ ...one, size });
  const report = JSON.parse(runNode([cliPath, ...doi]).stdout);
  rows.push({ name: 'doi tiers', size, median_ms: 0, tiers: countTiers(report.items), repos: report.items.length, workspace: join(workspace) });
  return rows;
}

function countTiers(items) {
  const counts = { none: 0, core: 0, standard: 0, full: 0 };
  for (const item of items) counts[item.tier]++;
  return counts;
}
