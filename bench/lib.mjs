// Shared benchmark helpers: timing a CLI command over repeated runs, and the floors each
// target is measured against, in the same run on the same machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'bin', 'custodian.js');
const RSS = join(ROOT, 'bench', 'rss.mjs');

const cleanEnv = () => {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return env;
};

/** Runs `node <args>` once; returns wall milliseconds, the peak RSS in MiB when `rss` is set. */
export function runNode(args, { env = {}, rss = false, allowFail = false, cwd } = {}) {
  const argv = rss ? [RSS, ...args] : args;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { env: { ...cleanEnv(), ...env }, encoding: 'utf8', maxBuffer: 1 << 30, cwd });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && !allowFail) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const peak = rss ? Number(/peak_rss_mib=(\d+(?:\.\d+)?)/.exec(result.stderr)?.[1] ?? NaN) : undefined;
  return { ms, stdout: result.stdout, stderr: result.stderr, peak_rss_mib: peak };
}

/**
 * Times a command `runs` times (after `warmup` untimed runs) and reports the median.
 * `command` is a custodian argv (run as `node bin/custodian.js …`) or a function.
 * `before` runs before every run, outside the timing (e.g. to change a file).
 */
export async function measure(name, command, { runs = 7, warmup = 1, before, env, rss = false, cwd, allowFail = false } = {}) {
  const times = [];
  let peak = 0;
  for (let i = 0; i < warmup + runs; i++) {
    if (before) await before(i);
    let ms;
    if (typeof command === 'function') {
      const started = process.hrtime.bigint();
      await command();
      ms = Number(process.hrtime.bigint() - started) / 1e6;
    } else {
      const result = runNode([CLI, ...command], { env, rss, cwd, allowFail });
      ms = result.ms;
      if (rss) peak = Math.max(peak, result.peak_rss_mib);
    }
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { name, median_ms: round(times[Math.floor(times.length / 2)]), min_ms: round(times[0]), runs, ...(rss ? { peak_rss_mib: round(peak) } : {}) };
}

export const round = (n) => Math.round(n * 10) / 10;

/**
 * Runs of a row held to a goal set from the floor beside it (issue 16's): a median of 9 moved by
 * ~10 % between runs of the whole bench on this machine (session 12: check --staged 0.89-0.99 of
 * its goal), more than some rows' headroom; 15 halve the chance of one slow stretch deciding it.
 */
export const GOAL_RUNS = 15;

/** Every planning file of a generated workspace (repos/<slug>/{workplans,docs,goals,…}/**.md). */
export function workspaceFiles(workspace) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== 'AGENTS.md') files.push(full);
    }
  };
  walk(join(workspace, 'repos'));
  return files.sort();
}

/** `node -e 0`: the cost of starting Node at all. */
export async function nodeFloor(runs = 15) {
  return measure('node -e 0', () => runNode(['-e', '0']), { runs, warmup: 2 });
}

/**
 * The node argv of a floor: `read` (one process reading every file's bytes), `stat` (one process
 * `lstat`-ing every file) or `node` (`node -e 0`). The file list goes through a file (written by
 * fileFloors): 10,000 paths are too long for a command line.
 */
export function floorArgs(workspace, kind) {
  if (kind === 'node') return ['-e', '0'];
  const load = `const fs=require('fs');const list=JSON.parse(fs.readFileSync(${JSON.stringify(join(workspace, '.bench-files.json'))},'utf8'));`;
  // Plain lstat, as custodian's own check stats (until 2026-12-06 the floor used bigint stats, which
  // custodian no longer does: 1-4 ms slower at 10,000 files, within this machine's noise).
  return ['-e', kind === 'read' ? `${load}let n=0;for(const f of list)n+=fs.readFileSync(f).length;` : `${load}for(const f of list)fs.lstatSync(f);`];
}

/** Writes the list of files the floors read or stat (floorArgs): every planning file of the workspace. Returns it. */
export function writeFloorList(workspace) {
  const files = workspaceFiles(workspace);
  writeFileSync(join(workspace, '.bench-files.json'), JSON.stringify(files));
  return files;
}

/** One node process reading every file's bytes (the read floor), or stat'ing every file (the stat floor). */
export async function fileFloors(workspace, runs = 5) {
  const files = writeFloorList(workspace);
  const read = await measure('read every file (one node process)', () => runNode(floorArgs(workspace, 'read')), { runs, warmup: 1 });
  const stat = await measure('stat every file (one node process)', () => runNode(floorArgs(workspace, 'stat')), { runs, warmup: 1 });
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { read, stat, bytes };
}

/**
 * `measure`, with a floor run right before each run of the command (floor, command, floor,
 * command…): this machine's speed drifts by tens of percent within minutes, and a floor measured
 * minutes earlier moves a ratio as much as the command does. The row carries the floor's median
 * over the same runs (`floor_ms`), which its goal is then set from.
 */
export async function measureBeside(name, command, floor, options = {}) {
  const warmup = options.warmup ?? 1;
  const floorTimes = [];
  const row = await measure(name, command, {
    ...options,
    warmup,
    before: async (i) => {
      if (options.before) await options.before(i);
      const ms = runNode(floor).ms;
      if (i >= warmup) floorTimes.push(ms);
    },
  });
  floorTimes.sort((a, b) => a - b);
  return { ...row, floor_ms: round(floorTimes[Math.floor(floorTimes.length / 2)]) };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
