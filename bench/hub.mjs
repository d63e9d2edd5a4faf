// `node bench/hub.mjs` (also `npm run bench -- --suites hub`): the federation hub under load, on
// loopback only. 50 url sources (one seeded workspace snapshot each, 200 tasks: 10,000 tasks in all,
// with dependencies across sources) served by a static server on 127.0.0.2; a `custodian serve`
// process composes them, then autocannon drives GET /v1/repos/{slug}/dispatch and GET /v1/federated
// for 20 s at 50 connections each. Also: the compose of the 50 sources, and the hub's memory.
// Writes bench/out/hub.json and prints a Markdown table. Client and server share the machine: read
// the figures beside the load and the `node -e 0` floor recorded with them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, nodeFloor, round } from './lib.mjs';

const SOURCES = 50;
const TASKS_PER_SOURCE = 200;
const WORKPLANS_PER_SOURCE = 10;
const DURATION = Number(process.env.HUB_BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const TOKEN = 'bench-token-0123456789abcdef';

export async function benchHub() {
  const { default: autocannon } = await import('autocannon');
  const { checkSnapshot } = await import('../dist/snapshot/validate.js');
  const node = await nodeFloor();
  const snapshots = Array.from({ length: SOURCES }, (_, i) => snapshot(i));
  for (const s of snapshots) {
    const check = checkSnapshot(JSON.parse(s));
    if (!check.ok) throw new Error(`generated snapshot is invalid: ${check.error}`);
  }
  const files = await staticServer(snapshots);
  const dir = mkdtempSync(join(tmpdir(), 'custodian-hub-bench-'));
  const hub = await serve(dir);
  const rows = [];
  try {
    const call = (method, path) => fetch(`${hub.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
    for (let i = 0; i < SOURCES; i++) {
      const response = await fetch(`${hub.url}/v1/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `ws-${pad(i)}`, url: `http://127.0.0.2:${files.port}/ws-${pad(i)}.json`, required: true }),
      });
      if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
    }
    const composes = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const report = await (await call('POST', '/v1/compose')).json();
      composes.push(performance.now() - started);
      if (report.complete !== true) throw new Error(`compose incomplete: ${JSON.stringify(report)}`);
    }
    composes.sort((a, b) => a - b);
    rows.push({ name: `compose: fetch, validate and store ${SOURCES} url sources (POST /v1/compose, median of 3)`, value: round(composes[1]), unit: 'ms' });

    let started = performance.now();
    const federated = await (await fetch(`${hub.url}/v1/federated`)).text();
    rows.push({ name: `first GET /v1/federated after compose (compose the view of ${SOURCES} sources, serialise)`, value: round(performance.now() - started), unit: 'ms' });
    const view = JSON.parse(federated);
    rows.push({ name: 'federated view', value: `${view.tasks.length} tasks, ${view.repos.length} repos, ${round(federated.length / 1048576)} MiB`, unit: '' });
    started = performance.now();
    await fetch(`${hub.url}/v1/repos/repo-07/dispatch`);
    rows.push({ name: 'first GET /v1/repos/repo-07/dispatch (computed)', value: round(performance.now() - started), unit: 'ms' });

    for (const path of ['/v1/repos/repo-07/dispatch', '/v1/federated']) {
      // A 30 s request timeout: a slow answer is measured, not dropped (errors and timeouts are reported).
      const result = await autocannon({ url: `${hub.url}${path}`, connections: CONNECTIONS, duration: DURATION, timeout: 30 });
      if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers that are not 2xx`);
      rows.push({
        name: `GET ${path}: ${CONNECTIONS} connections, ${DURATION} s`,
        value: `${round(result.requests.average)} req/s (${result.requests.total} answers), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${round(result.throughput.average / 1048576)} MiB/s${result.errors ? `, ${result.errors} errors (${result.timeouts} timeouts)` : ''}`,
        unit: '',
        requests_per_second: result.requests.average,
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        max_ms: result.latency.max,
        errors: result.errors,
        timeouts: result.timeouts,
      });
    }
    const memory = procMemory(hub.child.pid);
    rows.push({ name: 'hub process memory (resident now / peak)', value: `${memory.rss_mib} / ${memory.peak_mib} MiB`, unit: '', ...memory });
  } finally {
    hub.child.kill('SIGTERM');
    await hub.exited;
    files.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const load = loadavg().map((n) => round(n));
  const result = { node: process.version, cores: cpus().length, date: new Date().toISOString(), load_average: load, node_floor_ms: node.median_ms, rows };
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'out', 'hub.json'), JSON.stringify(result, null, 2));
  console.log(`\nhub bench — node ${process.version}, ${cpus().length} cores, load ${load.join(' ')}, node -e 0: ${node.median_ms} ms`);
  console.log('| measurement | result |\n| --- | --- |');
  for (const row of rows) console.log(`| ${row.name} | ${row.value}${row.unit ? ` ${row.unit}` : ''} |`);
  return result;
}

const pad = (n) => String(n).padStart(2, '0');

/** A seeded workspace's snapshot: one repo, 10 workplans of 20 tasks; some tasks wait on the previous source's. */
function snapshot(i) {
  const repo = `repo-${pad(i)}`;
  const prefix = `R${pad(i)}`;
  const workplans = [];
  const tasks = [];
  for (let w = 0; w < WORKPLANS_PER_SOURCE; w++) {
    const id = `${prefix}-WP-${String(w).padStart(4, '0')}`;
    const file = `workplans/${id}.md`;
    const counts = { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 };
    for (let t = 0; t < TASKS_PER_SOURCE / WORKPLANS_PER_SOURCE; t++) {
      const n = w * 20 + t;
      const status = ['todo', 'todo', 'done', 'in_progress', 'blocked', 'todo', 'done'][n % 7];
      counts[status]++;
      counts.total++;
      const depends_on = [];
      if (t > 0) depends_on.push(`T${String(t).padStart(2, '0')}`);
      if (i > 0 && n % 5 === 0) depends_on.push(`R${pad(i - 1)}-WP-${String(w).padStart(4, '0')}-T${String(t + 1).padStart(2, '0')}`);
      tasks.push({
        id: `${id}-T${String(t + 1).padStart(2, '0')}`,
        local_id: `T${String(t + 1).padStart(2, '0')}`,
        title: `Task ${n} of ${repo}`,
        status,
        status_raw: status,
        priority: ['high', 'medium', 'low', 'critical'][n % 4],
        depends_on,
        needs_human: n % 17 === 0,
        workplan_id: id,
        repo_slug: repo,
        file,
        line: 20 + t * 12,
        priority_raw: null,
        end_line: 24 + t * 12,
        declared_in: ['block'],
        valid: true,
        description: `What task ${n} changes, and why. `.repeat(4),
        description_lines: [26 + t * 12, 28 + t * 12],
        acceptance_criteria: [{ text: 'it works', checked: status === 'done', line: 30 + t * 12 }],
        fields: {},
        assignee: status === 'in_progress' ? `agent-${n % 3}` : null,
        ready: false,
        blocked_by: [],
        workstream: id,
      });
    }
    workplans.push({
      id, title: `Workplan ${w} of ${repo}`, status: 'active', status_raw: 'active', domain: 'core', owner: null,
      created: `2026-0${1 + (w % 9)}-01`, updated: null, completed: null, valid: true, repo_slug: repo, file, line: 1, task_counts: counts,
    });
  }
  const doc = {
    schema_version: 1,
    kind: 'snapshot',
    mode: 'workspace',
    domains: [{ slug: 'core', name: 'Core', description: null, status: 'active' }],
    repos: [{ slug: repo, name: repo, domain: 'core', description: null, status: 'active', remote_url: null, fingerprint: null, commit: 'a'.repeat(40), branch: 'main', doi: { tier: 'core', criteria: [] } }],
    workplans,
    tasks,
    goals: [{ id: `GOAL-${i}`, title: 'Ship it', status: 'active', priority: 1, repo: null, domain: null, valid: true, repo_slug: repo, file: `goals/GOAL-${i}.md`, line: 1 }],
    interface_changes: [],
    decisions: [],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function staticServer(bodies) {
  const server = createServer((request, response) => {
    const match = /^\/ws-(\d+)\.json$/.exec(request.url ?? '');
    const body = match ? bodies[Number(match[1])] : undefined;
    if (!body) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.2', () => resolve({ server, port: server.address().port })));
}

function serve(dir) {
  const args = [CLI, 'serve', '--port', '0', '--store', join(dir, 'hub.sqlite'), '--refresh-interval', '0', '--log-level', 'warn',
    '--allow-http-host', '127.0.0.2', '--allow-private', '127.0.0.2', '--write-rate-limit', '1000'];
  const child = spawn(process.execPath, args, { env: { ...process.env, CUSTODIAN_HUB_TOKENS: TOKEN }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /hub listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve({ child, url: match[1], exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

function procMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss_mib: round(kib('VmRSS') / 1024), peak_mib: round(kib('VmHWM') / 1024) };
}

if (process.argv[1] && process.argv[1].endsWith('hub.mjs')) {
  if (spawnSync(process.execPath, ['-e', '0']).status !== 0) throw new Error('node does not start');
  await benchHub();
}
