// Events benchmarks, called by bench/run.mjs for each workspace size (suite `events`):
// - an explicit `sync` after 100 new commits across the 50 repos (2 per repo, each completing one
//   task): the index re-reads the 100 files and the events step derives 100 task.completed events
//   (one `git log` per repo); beside it, the same sync after the same kind of 100 edits left
//   uncommitted (no HEAD moved, no event), so the difference is the cost of deriving;
// - an explicit no-op `sync` with NATS_URL set and nothing pending against the same sync without
//   it, interleaved run by run: within 10 % (nothing pending, so no connection and no NATS module);
// - when nats-server is on PATH, `events publish` of 100 pending events to a local JetStream.
// Every run completes tasks not completed before, so each derivation is new; at the end every
// repo is reset to its generated commit and the outbox started afresh, so the other suites and
// the next run see the workspace as it was generated.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const PER_REPO = 2;

export async function benchEvents({ workspace, cliPath, size, runNode, round, withTarget }) {
  const rows = [];
  const reposDir = join(workspace, 'repos');
  const repos = readdirSync(reposDir).sort().map((slug) => ({ slug, dir: join(reposDir, slug) }));
  const base = new Map(repos.map((r) => [r.slug, git(r.dir, ['rev-parse', 'HEAD']).trim()]));
  const noNats = { NATS_URL: '' };
  const cli = (args, env = noNats) => runNode([cliPath, '-w', workspace, ...args], { env });
  const timed = (args, env = noNats) => {
    const result = cli(args, env);
    if (/^custodian: warning/m.test(result.stderr)) throw new Error(`custodian ${args.join(' ')} warned: ${result.stderr}`);
    return result.ms;
  };
  const pending = () => JSON.parse(cli(['events', '--pending', '--no-sync', '--json']).stdout).items.length;
  const median = (times) => round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]);
  const row = (name, times, extra = {}) => ({ name, median_ms: median(times), min_ms: round(Math.min(...times)), runs: times.length, size, ...extra });

  // A fresh outbox: the next sync records every HEAD and derives nothing (the day's stale pass
  // runs there, untimed). The sync looks at the outbox only when a HEAD moved (the index
  // remembers the HEADs), so every HEAD moves: an empty commit, unless `moved` says it did.
  const freshOutbox = (moved = false) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(workspace, '.custodian', `outbox.sqlite${suffix}`), { force: true });
    if (!moved) for (const repo of repos) git(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'a fresh outbox starts here']);
    cli(['sync']);
  };
  /** Completes PER_REPO tasks not completed before in every repo; commits each one unless `commit` is false. */
  const completeTasks = (commit = true) => {
    for (const repo of repos) {
      for (let i = 0; i < PER_REPO; i++) {
        const { file, text, id } = nextTodo(repo.dir);
        writeFileSync(file, text.replace(`id: ${id}\nstatus: todo\n`, `id: ${id}\nstatus: done\n`));
        if (commit) git(repo.dir, ['commit', '-q', '-a', '-m', `complete ${id}`]);
      }
    }
  };
  const commitAll = () => {
    for (const repo of repos) git(repo.dir, ['commit', '-q', '-a', '-m', 'complete the edited tasks']);
  };
  const expected = repos.length * PER_REPO;
  // Every round completes PER_REPO new tasks per repo: 1 + 5 derive, 5 uncommitted, 3 publish.
  const fewest = Math.min(...repos.map((r) => countTodo(r.dir)));
  if (fewest < 14 * PER_REPO) {
    console.warn(`events bench: a repo has only ${fewest} todo tasks, ${14 * PER_REPO} are needed; skipped at ${size} files`);
    return rows;
  }

  try {
    freshOutbox();

    // No-op sync with NATS_URL set and nothing pending vs the same without it, interleaved.
    const port = await freePort();
    const withNats = { NATS_URL: `nats://127.0.0.1:${port}` };
    if (pending() !== 0) throw new Error('events are pending before the no-op comparison');
    const plain = [];
    const nats = [];
    timed(['sync']);
    timed(['sync'], withNats);
    for (let i = 0; i < 11; i++) {
      plain.push(timed(['sync']));
      nats.push(timed(['sync'], withNats));
    }
    const plainRow = row('no-op sync, NATS_URL unset (interleaved with the next)', plain);
    rows.push(plainRow);
    rows.push(withTarget(row('no-op sync, NATS_URL set, nothing pending (no connection made)', nats), size, 1.1 * plainRow.median_ms, '1.1× the same sync without NATS_URL'));

    // A sync deriving 100 new commits' events, against the same sync of 100 uncommitted edits.
    const derive = [];
    for (let i = 0; i < 6; i++) {
      completeTasks(true);
      const ms = timed(['sync']);
      if (i > 0) derive.push(ms);
      const count = pending();
      if (count !== expected * (i + 1)) throw new Error(`expected ${expected * (i + 1)} pending events after run ${i}, found ${count}`);
    }
    const uncommitted = [];
    for (let i = 0; i < 5; i++) {
      completeTasks(false);
      uncommitted.push(timed(['sync']));
      commitAll();
      cli(['sync']);
    }
    const plainSync = row(`sync after ${expected} task edits across ${repos.length} repos, not committed (no event)`, uncommitted);
    rows.push(plainSync);
    const deriveRow = row(`sync after ${expected} new commits across ${repos.length} repos (derives ${expected} events)`, derive);
    rows.push({ ...deriveRow, deriving_ms: round(deriveRow.median_ms - plainSync.median_ms) });

    const natsServer = findOnPath('nats-server');
    if (natsServer) {
      const publish = [];
      for (let i = 0; i < 3; i++) {
        freshOutbox();
        completeTasks(true);
        cli(['sync']);
        const server = await startNats(natsServer);
        try {
          const started = process.hrtime.bigint();
          const result = cli(['events', 'publish', '--json'], { NATS_URL: server.url });
          publish.push(Number(process.hrtime.bigint() - started) / 1e6);
          const doc = JSON.parse(result.stdout);
          if (doc.published !== expected || doc.pending !== 0) throw new Error(`events publish: ${result.stdout}`);
        } finally {
          await server.stop();
        }
      }
      rows.push(row(`events publish: ${expected} pending events to a local nats-server -js (stream created, each acknowledged)`, publish));
    } else {
      console.warn('events bench: nats-server is not on PATH; the publish measurement is skipped');
    }
  } finally {
    const moved = repos.some((repo) => git(repo.dir, ['rev-parse', 'HEAD']).trim() !== base.get(repo.slug));
    for (const repo of repos) git(repo.dir, ['reset', '-q', '--hard', base.get(repo.slug)]);
    if (moved) freshOutbox(true);
  }
  return rows;
}

function countTodo(repoDir) {
  const dir = join(repoDir, 'workplans');
  return readdirSync(dir).reduce((n, name) => n + (readFileSync(join(dir, name), 'utf8').match(/```task\nid: \S+\nstatus: todo\n/g)?.length ?? 0), 0);
}

/** The first task still `todo` in a fenced block of the repo's workplans (the files as they are now). */
function nextTodo(repoDir) {
  const dir = join(repoDir, 'workplans');
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const match = /```task\nid: (\S+)\nstatus: todo\n/.exec(text);
    if (match) return { file, text, id: match[1] };
  }
  throw new Error(`no todo task left in ${dir}`);
}

function git(cwd, args) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  for (const key of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE']) delete env[key];
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startNats(binary) {
  const port = await freePort();
  const store = mkdtempSync(join(tmpdir(), 'custodian-bench-nats-'));
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      log += chunk.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`nats-server exited (${code}):\n${log}`)));
  });
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(store, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
