// Agent benchmarks, called by bench/run.mjs for each workspace size:
// - `next --as A --claim --json` end to end (start, no-op sync check, walk, the claim's locked
//   edit, the re-sync of the one changed file): target 5× `node -e 0` plus the workspace's stat time;
// - 8 agents running `next --as agent-i --claim` at once in the one workspace: all must succeed
//   with 8 different tasks; the wall time until the last one answers is reported;
// - `search <two words> --json` end to end: target 4× `node -e 0`.
// Every claim is undone afterwards (the files are checked out again), so the other suites and the
// next run see the generated workspace as it was.
import { spawn, execFileSync } from 'node:child_process';
import { join } from 'node:path';

const AGENTS = 8;

export async function benchAgents({ workspace, cliPath, measure, size, node, statTime, withTarget, runNode }) {
  const rows = [];
  const nodeMs = node.median_ms;
  const claimed = [];
  const remember = (stdout) => {
    const doc = JSON.parse(stdout);
    if (!doc.claimed || !doc.task) throw new Error(`next --claim claimed nothing: ${stdout.slice(0, 300)}`);
    claimed.push(doc.task);
    return doc.task;
  };
  try {
    runNode([cliPath, '-w', workspace, 'sync']);
    let agent = 0;
    const claim = await measure('next --as A --claim --json (end to end)', () => remember(runNode([cliPath, '-w', workspace, 'next', '--as', `bench-${agent++}`, '--claim', '--json']).stdout), { runs: 9 });
    rows.push(withTarget(claim, size, 5 * nodeMs + statTime, '5× node -e 0 + stat time'));

    const races = [];
    for (let round = 0; round < 3; round++) {
      const started = process.hrtime.bigint();
      const results = await Promise.all(Array.from({ length: AGENTS }, (_, i) => runAsync(cliPath, ['-w', workspace, 'next', '--as', `race-${round}-${i}`, '--claim', '--json'])));
      races.push(Number(process.hrtime.bigint() - started) / 1e6);
      const ids = results.map((result, i) => {
        if (result.code !== 0) throw new Error(`agent ${i} failed (exit ${result.code}): ${result.stderr || result.stdout}`);
        const task = remember(result.stdout);
        if (task.assignee !== `race-${round}-${i}`) throw new Error(`agent ${i} got a task held by ${task.assignee}`);
        return `${task.repo_slug}:${task.id}`;
      });
      if (new Set(ids).size !== AGENTS) throw new Error(`${AGENTS} agents got only ${new Set(ids).size} different tasks: ${ids.join(', ')}`);
    }
    races.sort((a, b) => a - b);
    rows.push({ name: `${AGENTS} agents next --claim at once (wall time until the last answers; all distinct)`, median_ms: round(races[1]), min_ms: round(races[0]), runs: 3, size });

    // The first search builds the full-text table (once per index); the measured runs use it.
    const words = ['rotation', 'latency'];
    const built = runNode([cliPath, '-w', workspace, 'search', ...words, '--json']);
    const found = JSON.parse(built.stdout).items.length;
    if (found === 0) throw new Error('search found nothing');
    rows.push({ name: 'search: first run (builds the full-text table)', median_ms: round(built.ms), runs: 1, size });
    const search = await measure(`search ${words.join(' ')} --json (end to end)`, ['-w', workspace, 'search', ...words, '--json'], { runs: 9, rss: true });
    rows.push(withTarget(search, size, 4 * nodeMs, '4× node -e 0'));
  } finally {
    restore(workspace, claimed);
    runNode([cliPath, '-w', workspace, 'sync']);
  }
  return rows;
}

/** Checks the claimed files out again: the generated repos have everything committed. */
function restore(workspace, tasks) {
  const byRepo = new Map();
  for (const task of tasks) {
    const files = byRepo.get(task.repo_slug) ?? new Set();
    files.add(task.file);
    byRepo.set(task.repo_slug, files);
  }
  for (const [repo, files] of byRepo) {
    execFileSync('git', ['checkout', '-q', '--', ...files], { cwd: join(workspace, 'repos', repo), stdio: 'ignore' });
  }
}

function runAsync(cliPath, args) {
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
    const child = spawn(process.execPath, [cliPath, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const round = (n) => Math.round(n * 10) / 10;
