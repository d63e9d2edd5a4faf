// Paired runs, for a machine too loaded for wall-clock medians to mean much: each round runs
// `node -e 0`, the stat floor, then every case with every CLI one after the other, so load drift
// hits them alike; CPU time (user + system, from /usr/bin/time) and peak RSS are reported beside
// wall time. Needs the 10,000-file workspace of `npm run bench` (bench/out/ws-10000).
//
//   node bench/paired.mjs [--rounds 5] [--base path/to/other/bin/custodian.js] CASE…
//
// Cases: staged, task-list-repo, task-list-all, next, dispatch, doi, noop-sync, version. With
// --base, each case runs with that CLI (e.g. a build of main) and with this tree's, each with an
// index of its own in a temporary folder (their schemas may differ). A case that
// writes (staged) leaves work for the next command's sync: run it on its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, floorArgs, writeFloorList } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const rounds = Number(option('rounds', '5'));
const base = option('base', undefined);
const cases = args;
const WS = join(ROOT, 'bench', 'out', 'ws-10000');
if (!existsSync(WS)) throw new Error(`${WS} is missing: run \`npm run bench -- --sizes 10000 --suites sync\` first`);

const variants = base ? { base, this: CLI } : { this: CLI };
const env = { ...process.env, NO_COLOR: '1' };
for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];

const repo07 = join(WS, 'repos', 'repo-07');
const stagedFile = 'workplans/R07-WP-0000.md';
const original = readFileSync(join(repo07, stagedFile));
const stage = (i) => {
  writeFileSync(join(repo07, stagedFile), Buffer.concat([original, Buffer.from(`\nStaged ${i}.\n`)]));
  spawnSync('git', ['add', stagedFile], { cwd: repo07, env });
};
const CASES = {
  staged: { args: ['check', '--staged', '--json'], cwd: repo07, before: stage },
  'task-list-repo': { args: ['-w', WS, 'task', 'list', '--json', '--repo', 'repo-07'] },
  'task-list-all': { args: ['-w', WS, 'task', 'list', '--json'] },
  next: { args: ['-w', WS, 'next', '--json'] },
  dispatch: { args: ['-w', WS, 'dispatch', 'repo-07', '--json'] },
  doi: { args: ['-w', WS, 'doi', '--json'] },
  'noop-sync': { args: ['-w', WS, 'sync'] },
  version: { args: ['--version'] },
};
for (const name of cases) if (!CASES[name]) throw new Error(`unknown case ${name}: expected one of ${Object.keys(CASES).join(', ')}`);

const timeFile = join(tmpdir(), `custodian-paired-${process.pid}`);
const samples = new Map();
const record = (label, sample) => {
  if (!samples.has(label)) samples.set(label, []);
  samples.get(label).push(sample);
};
// Each variant keeps its own index (CUSTODIAN_INDEX): two builds with different index schemas
// would otherwise rebuild the one index on every alternation and measure that instead.
const indexDir = mkdtempSync(join(tmpdir(), 'custodian-paired-index-'));
const variantEnv = (variant) => ({ ...env, CUSTODIAN_INDEX: join(indexDir, `${variant}.sqlite`) });
function run(label, argv, cwd = WS, runEnv = env) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, ...argv], { cwd, env: runEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [user, system, maxKib] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  if (label) record(label, { wall, cpu: (user + system) * 1000, rss: maxKib / 1024 });
}

writeFloorList(WS);
for (const [variant, cli] of Object.entries(variants)) run(null, [cli, '-w', WS, 'sync'], WS, variantEnv(variant));
try {
  // Round 0 warms the caches and is not recorded.
  for (let i = 0; i <= rounds; i++) {
    const keep = i > 0;
    run(keep ? 'node -e 0' : null, floorArgs(WS, 'node'));
    run(keep ? 'stat floor' : null, floorArgs(WS, 'stat'));
    for (const name of cases) {
      for (const [variant, cli] of Object.entries(variants)) {
        CASES[name].before?.(i);
        run(keep ? `${name} (${variant})` : null, [cli, ...CASES[name].args], CASES[name].cwd, variantEnv(variant));
      }
    }
  }
} finally {
  writeFileSync(join(repo07, stagedFile), original);
  spawnSync('git', ['add', stagedFile], { cwd: repo07, env });
  rmSync(timeFile, { force: true });
  rmSync(indexDir, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const floor = (key) => median(samples.get('node -e 0').map((s) => s[key]));
console.log(`${rounds} rounds; ratios are to the median of node -e 0 (wall ${floor('wall').toFixed(0)} ms, CPU ${floor('cpu').toFixed(0)} ms)`);
for (const [label, list] of samples) {
  const wall = median(list.map((s) => s.wall));
  const cpu = median(list.map((s) => s.cpu));
  const walls = list.map((s) => s.wall).sort((a, b) => a - b);
  console.log(
    `${label.padEnd(26)} wall ${wall.toFixed(0).padStart(6)} ms (${walls[0].toFixed(0)}–${walls.at(-1).toFixed(0)}) ×${(wall / floor('wall')).toFixed(2)}` +
      `   CPU ${cpu.toFixed(0).padStart(5)} ms ×${(cpu / floor('cpu')).toFixed(2)}   peak ${Math.max(...list.map((s) => s.rss)).toFixed(0)} MiB`,
  );
}
