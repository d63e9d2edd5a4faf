// Issue 10, beyond the points: random hostile workspaces (random bytes, random YAML, random fences,
// links in and out, FIFOs, odd names) thrown at sync, check and the edits. What must hold for
// every one: nothing crashes (an api call throws nothing; the CLI exits 0, 1 or 2 with a message,
// never a stack trace or an `internal` error), a read changes no file, nothing outside a repo is
// read, and the incremental index answers exactly as a full rebuild does.
//
// The run is bounded for the normal suite: CUSTODIAN_FUZZ_RUNS (in-process cases, default 25) and
// CUSTODIAN_FUZZ_CLI_RUNS (CLI cases, default 3); CUSTODIAN_FUZZ_SEED replays a failure.
import fc from 'fast-check';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graph, sync, taskList, workplanList, next } from '../../src/api/index.js';
import { runCheck } from '../../src/check/run.js';
import { openIndex } from '../../src/index/db.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { commitAll, git, removeTempDirs, runCliAsync, tempDir } from '../helpers/git-repo.js';
import { fileSpec, makeOutside, writeRepoFiles, type FileSpec } from './workspace-arbitrary.js';

afterAll(removeTempDirs);

const RUNS = Number(process.env.CUSTODIAN_FUZZ_RUNS ?? 25);
const CLI_RUNS = Number(process.env.CUSTODIAN_FUZZ_CLI_RUNS ?? 3);
const SEED = process.env.CUSTODIAN_FUZZ_SEED === undefined ? undefined : Number(process.env.CUSTODIAN_FUZZ_SEED);
const REPOS = ['alpha', 'beta'] as const;

interface Fixture {
  root: string;
  outside: string;
  repo(slug: string): string;
}

/** Two repos: alpha with the default include globs, beta with every Markdown file. */
function fixture(): Fixture {
  const root = tempDir('custodian-fuzz-');
  const outside = tempDir('custodian-fuzz-outside-');
  makeOutside(outside);
  const lines = ['version: 1', 'domains:', '  - slug: core', '    name: Core', 'repos:'];
  for (const slug of REPOS) {
    lines.push(`  - slug: ${slug}`, `    name: ${slug}`, '    domain: core', `    path: repos/${slug}`);
    if (slug === 'beta') lines.push('    include: ["**/*.md", "**/*.MD"]');
    const dir = join(root, 'repos', slug);
    mkdirSync(dir, { recursive: true });
    git(dir, ['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'README.md'), '# readme\n');
    commitAll(dir, 'initial');
  }
  writeFileSync(join(root, 'custodian.yaml'), `${lines.join('\n')}\n`);
  return { root, outside, repo: (slug) => join(root, 'repos', slug) };
}

/** Replaces everything a previous case wrote (README and .git stay), then writes this case's files. */
function populate(fx: Fixture, files: Record<string, FileSpec[]>, commit: boolean): void {
  for (const slug of REPOS) {
    const dir = fx.repo(slug);
    for (const name of readdirSync(dir)) if (name !== '.git' && name !== 'README.md') rmSync(join(dir, name), { recursive: true, force: true });
    writeRepoFiles(dir, files[slug], fx.outside);
    if (commit) {
      // Links and odd names are committed as they are; the FIFO is outside and never added.
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '--allow-empty', '-m', 'case']);
    }
  }
}

/** Every entry under the repos (not .git, not the index folder), as lstat sees it, with bytes and link targets. */
function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: Buffer) => {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      const text = name.toString('latin1');
      if (text === '.git' || text === '.custodian') continue;
      const path = Buffer.concat([dir, Buffer.from('/'), name]);
      const stats = lstatSync(path);
      const key = path.toString('latin1');
      if (stats.isDirectory()) {
        out.set(key, 'dir');
        walk(path);
      } else if (stats.isSymbolicLink()) out.set(key, `link ${readlinkSync(path, { encoding: 'buffer' }).toString('latin1')}`);
      else if (stats.isFile()) out.set(key, `file ${stats.mtimeMs} ${readFileSync(path).toString('base64')}`);
      else out.set(key, 'other');
    }
  };
  walk(Buffer.from(root));
  return out;
}

/** Answers that must not depend on how the index was built: timings and sync times left out. */
function stable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'duration_ms' || key.endsWith('synced_at') ? undefined : v)));
}

const casesArb = fc.record({
  alpha: fc.array(fileSpec, { minLength: 1, maxLength: 10, size: 'max' }),
  beta: fc.array(fileSpec, { minLength: 1, maxLength: 10, size: 'max' }),
  commit: fc.boolean(),
});

describe('fuzz: hostile workspaces', () => {
  let fx: Fixture;
  let cases = 0;
  beforeAll(async () => {
    fx = fixture();
  });
  const stats = { tasks: 0, diagnostics: 0, rules: new Set<string>() };
  afterAll(() =>
    console.info(
      `fuzz: ${cases} in-process cases (CUSTODIAN_FUZZ_RUNS=${RUNS}): ${stats.tasks} tasks, ${stats.diagnostics} diagnostics, rules ${[...stats.rules].sort().join(' ')}`,
    ),
  );

  it('sync and check never crash or change a file, read nothing outside, and sync equals a rebuild', async () => {
    const incremental = join(fx.root, '.custodian', 'incremental.sqlite');
    await fc.assert(
      fc.asyncProperty(casesArb, async ({ alpha, beta, commit }) => {
        cases++;
        populate(fx, { alpha, beta }, commit);
        const before = tree(fx.root);
        const options = { workspace: fx.root, index: incremental, env: {} };

        const synced = await sync(options);
        const ws = await resolveWorkspace({ cwd: fx.root, workspace: fx.root, index: incremental, env: {} });
        const db = openIndex(incremental, ws.index_source);
        let checked;
        try {
          checked = await runCheck(ws, db);
        } finally {
          db.close();
        }
        expect(tree(fx.root)).toEqual(before);
        // check re-reads every file itself: whatever sync found in a file, check finds too.
        const key = (d: { repo?: string; file: string; line: number; rule_id: string }) => `${d.repo}/${d.file}:${d.line} ${d.rule_id}`;
        const found = new Set(checked.diagnostics.map(key));
        expect(synced.diagnostics.map(key).filter((k) => !found.has(k))).toEqual([]);
        stats.tasks += synced.tasks;
        if (process.env.FUZZ_DEBUG) console.info(synced.tasks, synced.files, synced.repo_problems, JSON.stringify(synced.diagnostics.map((d) => d.file + " " + d.rule_id)));
        stats.diagnostics += synced.diagnostics.length;
        for (const d of synced.diagnostics) stats.rules.add(d.rule_id);

        const fresh = join(tempDir('custodian-fuzz-index-'), 'rebuilt.sqlite');
        const rebuilt = await sync({ ...options, index: fresh, full: true });
        expect(stable(synced.diagnostics)).toEqual(stable(rebuilt.diagnostics));
        expect([synced.documents, synced.tasks]).toEqual([rebuilt.documents, rebuilt.tasks]);
        for (const query of [taskList, workplanList, graph, next] as const) {
          const a = await (query as (o: object) => Promise<unknown>)({ ...options, sync: false });
          const b = await (query as (o: object) => Promise<unknown>)({ ...options, index: fresh, sync: false });
          expect(stable(a)).toEqual(stable(b));
        }
        // Nothing behind a link leading out of a repo is ever indexed.
        expect(JSON.stringify(await taskList({ ...options, sync: false }))).not.toContain('SECRET');
        expect(tree(fx.root)).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});

describe('fuzz: the CLI over hostile workspaces', () => {
  let fx: Fixture;
  let cases = 0;
  beforeAll(async () => {
    fx = fixture();
  });
  afterAll(() => console.info(`fuzz: ${cases} CLI cases (CUSTODIAN_FUZZ_CLI_RUNS=${CLI_RUNS})`));

  /** The CLI answered as DESIGN says: 0/1/2, JSON on stdout when asked, no stack trace, no internal error. */
  async function answered(args: string[], allowed: number[]) {
    const result = await runCliAsync(['-w', fx.root, ...args]);
    const what = `custodian ${args.join(' ')} → ${result.code}\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(0, 2000)}`;
    expect(allowed, what).toContain(result.code);
    expect(result.stderr, what).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const json = JSON.parse(result.stdout);
    if (json.kind === 'error') expect(json.code, what).not.toBe('internal');
    expect(result.stdout + result.stderr, what).not.toContain('SECRET');
    return json;
  }

  it('reads exit 0/1 and change nothing; edits answer 0/1; afterwards the index equals a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(casesArb, fc.nat(), async ({ alpha, beta, commit }, pick) => {
        cases++;
        populate(fx, { alpha, beta }, commit);
        const before = tree(fx.root);
        await answered(['sync', '--json'], [0]);
        await answered(['check', '--format', 'json'], [0, 1]);
        const listed = await answered(['task', 'list', '--json'], [0]);
        expect(tree(fx.root)).toEqual(before);

        const ids = (listed.items as { id: string; repo_slug: string }[]).map((t) => `${t.repo_slug}:${t.id}`);
        if (ids.length > 0) await answered(['task', 'status', ids[pick % ids.length], 'done', '--json'], [0, 1]);
        await answered(['check', '--fix', '--format', 'json'], [0, 1]);

        const fresh = join(tempDir('custodian-fuzz-index-'), 'rebuilt.sqlite');
        const after = await answered(['task', 'list', '--json'], [0]);
        const rebuilt = await answered(['--index', fresh, 'task', 'list', '--json'], [0]);
        expect(after).toEqual(rebuilt);
      }),
      { numRuns: CLI_RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
