// Bad input and faults: hostile files sync with exit 0, concurrent full syncs all succeed, the
// first sync builds the index whole even when raced or killed, and a sync killed midway leaves an
// index equal to a fresh rebuild.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, gitEnv, removeTempDirs, runCli, runCliJson, tempDir } from '../helpers/git-repo.js';
import { waitFor } from '../helpers/poll.js';
import { tempWorkspace, workplan } from './workspace-helper.js';
import { generateWorkspace } from '../../bench/generate.mjs';

afterAll(removeTempDirs);

const HOSTILE: Record<string, string | Buffer> = {
  'workplans/invalid-yaml.md': '---\nid: H-1\ntitle: [unclosed\n---\n',
  'workplans/unterminated.md': '---\nid: H-2\n\n# Body\n\n```task\nid: H-2-T1\n```\n',
  'workplans/open-fence.md': '---\nid: H-3\n---\n```task\nid: H-3-T1\n',
  'workplans/bad-then-good.md': '---\nid: H-4\n---\n## a\n```task\nid: [\n```\n## b\n```task\nid: H-4-T2\n```\n',
  'workplans/bomb.md': '---\nid: H-5\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\n',
  'workplans/deep.md': `---\nid: ${'['.repeat(20_000)}\n---\n`,
  'workplans/dup.md': '---\nid: H-7\nid: H-8\n---\n',
  'workplans/tags.md': '---\nid: H-9\nf: !!js/function "function () {}"\n---\n',
  'workplans/engine.md': "---js\nmodule.exports = { id: 'H-10' }\n---\n",
  'workplans/proto.md': '---\nid: H-11\n__proto__: {polluted: true}\n---\n',
  'workplans/latin1.md': Buffer.concat([Buffer.from('---\nid: H-12\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]),
  'workplans/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  'workplans/empty.md': '',
  'workplans/huge.md': Buffer.alloc(6 * 1024 * 1024, 'a'),
  'workplans/bom-crlf.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\nid: H-13\r\n---\r\n```task\r\nid: H-13-T1\r\n```\r\n')]),
  'workplans/good.md': workplan('H-14', [['H-14-T1', 'todo']]),
};

describe('faults', () => {
  it('a workspace full of hostile files syncs with exit 0 and the diagnostics recorded', () => {
    const ws = tempWorkspace({ hostile: HOSTILE });
    const { code, json } = runCliJson(['-w', ws.root, 'sync', '--json']);
    expect(code).toBe(0);
    const byFile = Object.fromEntries(
      Object.keys(HOSTILE).map((file) => [file, json.diagnostics.filter((d: any) => d.file === file).map((d: any) => d.rule_id)]),
    );
    expect(byFile).toEqual({
      'workplans/invalid-yaml.md': ['frontmatter/parse'],
      'workplans/unterminated.md': ['frontmatter/unterminated'],
      'workplans/open-fence.md': ['task/unterminated-fence'],
      'workplans/bad-then-good.md': ['task/parse'],
      'workplans/bomb.md': ['frontmatter/parse'],
      'workplans/deep.md': ['frontmatter/parse'],
      'workplans/dup.md': ['frontmatter/parse'],
      'workplans/tags.md': ['frontmatter/parse'],
      'workplans/engine.md': ['frontmatter/parse'],
      'workplans/proto.md': ['frontmatter/parse'],
      'workplans/latin1.md': ['file/unreadable'],
      'workplans/binary.md': ['file/unreadable'],
      'workplans/empty.md': ['frontmatter/missing'],
      'workplans/huge.md': ['file/unreadable'],
      'workplans/bom-crlf.md': [],
      'workplans/good.md': [],
    });
    const tasks = runCliJson(['-w', ws.root, 'task', 'list', '--json']).json.items.map((t: any) => t.id);
    expect(tasks.sort()).toEqual(['H-13-T1', 'H-14-T1', 'H-2-T1', 'H-4-T2']);
  });

  it('three `sync --full` processes started at once all succeed and leave a consistent index', async () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 3, files: 300, seed: 7 });
    const results = await Promise.all([0, 1, 2].map(() => run(['-w', root, 'sync', '--full', '--json'])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    // 300 planning files plus each repo's goal, decision and interface change.
    for (const r of results) expect(JSON.parse(r.stdout).files.scanned).toBe(309);
    expectEqualToFreshRebuild(root);
  }, 120_000);

  it('commands started at once on a workspace with no index: one builds it, the others wait and use it', async () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 3, files: 300, seed: 9 });
    const index = join(root, '.custodian', 'index.sqlite');
    const results = await Promise.all([0, 1, 2].map(() => run(['-w', root, 'sync', '--json'])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    // The first built it from every file; the others found it built when the lock was theirs.
    expect(results.map((r) => JSON.parse(r.stdout).files.parsed).sort((a, b) => a - b)).toEqual([0, 0, 309]);
    expect(existsSync(`${index}.building`)).toBe(false);
    const db = new Database(index, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // The index built beside its path answers exactly as one rebuilt in place.
    const built = runCli(['-w', root, 'task', 'list', '--json']).stdout;
    expect(runCliJson(['-w', root, 'sync', '--full', '--json']).json.files.parsed).toBe(309);
    expect(runCli(['-w', root, 'task', 'list', '--json']).stdout).toBe(built);
  }, 120_000);

  it('kill -9 in the middle of the first sync: nothing is left half-built, and the next command builds the index', async () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 4, files: 1200, seed: 13 });
    const index = join(root, '.custodian', 'index.sqlite');
    const child = spawn(process.execPath, [CLI, '-w', root, 'sync'], { env: gitEnv(), stdio: 'ignore' });
    await waitFor(() => existsSync(`${index}.building`), { timeoutMs: 60_000, everyMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGKILL');
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    // Killed while building: no index at its path, only the killed build's file beside it.
    expect(existsSync(index)).toBe(false);
    expect(existsSync(`${index}.building`)).toBe(true);
    expectEqualToFreshRebuild(root);
    expect(existsSync(`${index}.building`)).toBe(false);
  }, 180_000);

  it('a first sync parsed in worker threads records exactly what one parsed in-process records, hostile files included', () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 3, files: 1200, seed: 17 });
    for (const [path, content] of Object.entries(HOSTILE)) writeFileSync(join(root, 'repos', 'repo-01', path), content);
    const rows = (threads: string): Record<string, unknown[]> & { counts: { parsed: number } } => {
      const index = join(tempDir(), 'index.sqlite');
      const synced = runCliJson(['-w', root, '--index', index, 'sync', '--json'], { env: { CUSTODIAN_PARSE_THREADS: threads, CUSTODIAN_DEBUG: '1' } });
      expect(synced.code).toBe(0);
      // The worker parses every file the writing thread did not get to first.
      const parsed = /sync parsed (\d+) of (\d+) files in (\d+) worker thread/.exec(synced.stderr);
      if (threads === '0') expect(parsed).toBeNull();
      else expect(Number(parsed?.[1])).toBeGreaterThan(0);
      const db = new Database(index, { readonly: true });
      try {
        const tables = { documents: 'id', tasks: 'id', task_deps: 'task_row, position', diagnostics: 'id', interface_change_repos: 'rowid' };
        // racy depends on when each file was read, not on who parsed it.
        const files = db.prepare('SELECT id, repo, path, stamp, hash, used_fallback FROM files ORDER BY id').all();
        return { counts: synced.json.files, files, ...Object.fromEntries(Object.entries(tables).map(([t, order]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()])) };
      } finally {
        db.close();
      }
    };
    const inProcess = rows('0');
    expect(inProcess.counts.parsed).toBeGreaterThan(1200);
    expect(inProcess.diagnostics.length).toBeGreaterThan(10);
    expect(rows('1')).toEqual(inProcess);
  }, 180_000);

  it('incremental syncs racing after edits all succeed, and the index equals a fresh rebuild', async () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 3, files: 300, seed: 5 });
    runCli(['-w', root, 'sync']);
    for (let i = 0; i < 30; i++) writeFileSync(join(root, 'repos', `repo-0${i % 3}`, 'workplans', `RACE-${i}.md`), workplan(`RACE-${i}`, [[`RACE-${i}-T1`, 'todo']]));
    const results = await Promise.all([0, 1, 2].map(() => run(['-w', root, 'sync', '--json'])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    // Exactly one of them found the 30 new files to parse; the others found nothing left to do.
    expect(results.map((r) => JSON.parse(r.stdout).files.parsed).sort()).toEqual([0, 0, 30]);
    expectEqualToFreshRebuild(root);
  }, 120_000);

  it('kill -9 in the middle of a sync, then any command: a valid index equal to a fresh rebuild', async () => {
    const root = tempDir();
    generateWorkspace(root, { repos: 4, files: 1200, seed: 11 });
    runCli(['-w', root, 'sync']);
    // Change many files so the next sync has a long write transaction, then kill it inside it.
    for (let i = 0; i < 400; i++) {
      const file = join(root, 'repos', `repo-0${i % 4}`, 'workplans');
      if (existsSync(file)) writeFileSync(join(file, `KILL-${i}.md`), workplan(`KILL-${i}`, [[`KILL-${i}-T1`, 'todo']]));
    }
    const child = spawn(process.execPath, [CLI, '-w', root, 'sync', '--full'], { env: gitEnv(), stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGKILL');
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL'); // it was still running: the kill landed inside the sync
    expectEqualToFreshRebuild(root);
  }, 180_000);
});

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...gitEnv(), NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

/** The workspace's answer from its own index equals the answer from a brand-new index. */
function expectEqualToFreshRebuild(root: string): void {
  const fresh = join(tempDir(), 'fresh.sqlite');
  for (const command of [['task', 'list', '--json'], ['workplan', 'list', '--json']]) {
    const current = runCli(['-w', root, ...command]);
    const rebuilt = runCli(['-w', root, '--index', fresh, ...command]);
    expect(current.code).toBe(0);
    expect(current.stdout).toBe(rebuilt.stdout);
  }
}
