import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { taskList } from '../../src/api/tasks.js';
import { withFileLock } from '../../src/edit/file-lock.js';
import { RACY_WINDOW_MS } from '../../src/index/stamps.js';
import { CLI, git, gitEnv, removeTempDirs, runCli, runCliJson, tempDir } from '../helpers/git-repo.js';
import { waitFor } from '../helpers/poll.js';
import { tempWorkspace, workplan } from './workspace-helper.js';

afterAll(removeTempDirs);

const sync = (root: string, ...args: string[]) => runCliJson(['-w', root, 'sync', '--json', ...args]);
const taskIds = (root: string) => runCliJson(['-w', root, 'task', 'list', '--json']).json.items.map((t: any) => `${t.id}:${t.status}`);

describe('the no-op check and watch mode', () => {
  it('answers without taking the sync lock when nothing changed', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    // Synced right after the file was written: its row is racy (its stamp cannot be trusted yet).
    // In-process, with the file's time set just before: a CLI process starting on a loaded machine
    // can take longer than the racy window, and would then find the file settled.
    const file = join(ws.root, 'repos/alpha/workplans/A-1.md');
    const now = new Date();
    utimesSync(file, now, now);
    await taskList({ workspace: ws.root, env: {} });
    const index = join(ws.root, '.custodian/index.sqlite');
    const db = new Database(index, { readonly: true });
    const racy = () => db.prepare('SELECT racy FROM files').pluck().get();
    expect(racy()).toBe(1);
    // Once the racy window has passed, the flag could be cleared: a read command must not take the lock for that.
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    // Hold the sync lock (our own, live: never stale): a command that tried to take it would wait minutes.
    const started = Date.now();
    const answer = await withFileLock(index, () => runCli(['-w', ws.root, 'task', 'list', '--json']), { lockDir: dirname(index) });
    const elapsed = Date.now() - started;
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout).items.map((t: any) => t.id)).toEqual(['A-1-T1']);
    // The lock's takeover age is 30 s and its wait 300 s: an answer well inside that did not wait for it.
    expect(elapsed).toBeLessThan(20_000);
    expect(racy()).toBe(1);
    // `sync` is the writer: it settles the flag.
    sync(ws.root);
    expect(racy()).toBe(0);
    db.close();
  }, 60_000);

  it('sync --watch --json prints one NDJSON line per changed file', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    const child = spawn(process.execPath, [CLI, '-w', ws.root, 'sync', '--watch', '--json'], { env: { ...gitEnv(), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      await waitFor(() => stderr.includes('watching'));
      writeFileSync(join(ws.repo('alpha'), 'workplans/A-2.md'), workplan('A-2', [['A-2-T1', 'todo'], ['A-2-T2', 'done']]));
      await waitFor(() => stdout.includes('\n'));
      writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'done']]));
      await waitFor(() => stdout.split('\n').length > 2);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines).toEqual([
        { schema_version: 1, kind: 'sync-change', repo_slug: 'alpha', file: 'workplans/A-2.md', change: 'added', documents: 1, tasks: 2, diagnostics: 0 },
        { schema_version: 1, kind: 'sync-change', repo_slug: 'alpha', file: 'workplans/A-1.md', change: 'changed', documents: 1, tasks: 1, diagnostics: 0 },
      ]);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('exit', resolve));
    }
  }, 60_000);
});

describe('incremental sync', () => {
  it('indexes every repo, then a second sync reads nothing', async () => {
    const ws = tempWorkspace({
      alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo'], ['A-1-T2', 'done']]), 'README.md': '# not included\n' },
      beta: { 'docs/tasks/B-7.md': '---\nid: B-7\nstatus: wip\n---\n' },
    });
    // Files read within the racy window are read again until it has passed (and `sync` settles them):
    // let it pass first, so the second sync has nothing to read however slow the machine.
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    const first = sync(ws.root);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ kind: 'sync-report', mode: 'workspace', repos: 2, files: { scanned: 2, read: 2, parsed: 2, unchanged: 0, removed: 0 }, documents: 2, tasks: 3 });
    const second = sync(ws.root);
    expect(second.json.files).toEqual({ scanned: 2, read: 0, parsed: 0, unchanged: 2, removed: 0 });
    expect(taskIds(ws.root)).toEqual(['A-1-T1:todo', 'A-1-T2:done', 'B-7:in_progress']);
  });

  it('a first sync stamps every path git lists as the next sync checks it: links in and out, a dangling link, a name that is not UTF-8, a submodule', async () => {
    // A first sync does not stat files before reading them: each read stamps its file (or, for
    // anything but a plain file, the same stat the no-op check makes). Any difference would make
    // the next sync read those files again, or count them differently.
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), workplan('S-1', [['S-1-T1', 'todo']]));
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    const repo = ws.repo('alpha');
    symlinkSync('A-1.md', join(repo, 'workplans/inside-link.md'));
    symlinkSync(join(outside, 'secret.md'), join(repo, 'workplans/outside-link.md'));
    symlinkSync('gone.md', join(repo, 'workplans/dangling.md'));
    writeFileSync(Buffer.concat([Buffer.from(`${repo}/workplans/B-`), Buffer.from([0xff]), Buffer.from('.md')]), workplan('B-1'));
    // A submodule: git lists its folder as a path of the repo, and it is no file.
    mkdirSync(join(repo, 'workplans/sub.md'));
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${git(repo, ['rev-parse', 'HEAD']).trim()},workplans/sub.md`]);
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    const first = sync(ws.root);
    expect(first.code).toBe(0);
    expect(first.json.files).toEqual({ scanned: 5, read: 2, parsed: 5, unchanged: 0, removed: 0 });
    expect(first.json.diagnostics.map((d: any) => [d.file, d.rule_id])).toEqual([
      ['workplans/B-\\xff.md', 'file/unreadable'],
      ['workplans/dangling.md', 'file/unreadable'],
      ['workplans/outside-link.md', 'file/unreadable'],
    ]);
    const second = sync(ws.root);
    expect(second.json.files).toEqual({ scanned: 5, read: 0, parsed: 0, unchanged: 5, removed: 0 });
    expect(taskIds(ws.root)).toEqual(['A-1-T1:todo', 'A-1-T1:todo']);
  });

  it('sees a same-size edit whose mtime was put back', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    const file = join(ws.repo('alpha'), 'workplans/A-1.md');
    const old = new Date(Date.now() - 3600_000);
    utimesSync(file, old, old);
    sync(ws.root);
    const before = statSync(file);
    writeFileSync(file, workplan('A-1', [['A-1-T1', 'done']]));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const after = sync(ws.root);
    expect(after.json.files).toMatchObject({ read: 1, parsed: 1 });
    expect(taskIds(ws.root)).toEqual(['A-1-T1:done']);
  });

  it('sees new files (also untracked, also in new folders), removed and renamed files; ignores ignored ones', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]), '.gitignore': 'workplans/private/\n' } });
    sync(ws.root);
    const repo = ws.repo('alpha');
    mkdirSync(join(repo, 'workplans/2026/q4'), { recursive: true });
    writeFileSync(join(repo, 'workplans/2026/q4/A-2.md'), workplan('A-2', [['A-2-T1', 'todo']]));
    mkdirSync(join(repo, 'workplans/private'));
    writeFileSync(join(repo, 'workplans/private/A-3.md'), workplan('A-3', [['A-3-T1', 'todo']]));
    expect(sync(ws.root).json.files).toMatchObject({ parsed: 1, removed: 0 });
    expect(taskIds(ws.root)).toEqual(['A-2-T1:todo', 'A-1-T1:todo']);
    renameSync(join(repo, 'workplans/A-1.md'), join(repo, 'workplans/A-1-renamed.md'));
    unlinkSync(join(repo, 'workplans/2026/q4/A-2.md'));
    expect(sync(ws.root).json.files).toMatchObject({ parsed: 1, removed: 2 });
    expect(taskIds(ws.root)).toEqual(['A-1-T1:todo']);
  });

  it('sees a folder of planning files replaced by a file of its name: its documents are gone, nothing fails', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]), 'workplans/old/A-2.md': workplan('A-2', [['A-2-T1', 'todo']]) } });
    sync(ws.root);
    const repo = ws.repo('alpha');
    rmSync(join(repo, 'workplans/old'), { recursive: true });
    writeFileSync(join(repo, 'workplans/old'), 'a file now\n');
    // The no-op check of a read finds the file where the folder was (ENOTDIR on the way to A-2.md).
    expect(taskIds(ws.root)).toEqual(['A-1-T1:todo']);
    expect(sync(ws.root).json.files).toMatchObject({ removed: 0 });
  });

  it("keeps each repo's summary (paths, stamps as numbers, racy ones marked) equal to its files rows through edits, additions and removals", async () => {
    const ws = tempWorkspace({
      alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]), 'workplans/A-2.md': workplan('A-2'), 'workplans/A-3.md': workplan('A-3', [['A-3-T1', 'todo']]) },
      beta: { 'docs/tasks/B-1.md': '---\nid: B-1\n---\n' },
      empty: { 'README.md': '# nothing planned here\n' },
    });
    const age = (path: string, hoursAgo: number) => utimesSync(path, new Date(Date.now() - hoursAgo * 3600_000), new Date(Date.now() - hoursAgo * 3600_000));
    const alpha = ws.repo('alpha');
    age(join(alpha, 'workplans/A-1.md'), 2);
    age(join(alpha, 'workplans/A-2.md'), 2);
    age(join(alpha, 'workplans/A-3.md'), 2);
    // Past the racy window (ctimes are now), the first sync leaves no file racy.
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    const summaries = () => {
      const db = new Database(join(ws.root, '.custodian/index.sqlite'), { readonly: true });
      try {
        // The stamps as the numbers stored (doubles: size, mtime, ctime, inode; a racy file's size slot -1).
        const numbers = (blob: Buffer) => [...new Float64Array(new Uint8Array(blob).buffer)];
        const stored = (db.prepare('SELECT slug, file_paths, file_stamps FROM repos ORDER BY slug').all() as { slug: string; file_paths: string; file_stamps: Buffer }[]).map(
          (r) => ({ ...r, file_stamps: numbers(r.file_stamps) }),
        );
        const expected = (db.prepare('SELECT slug FROM repos ORDER BY slug').pluck().all() as string[]).map((slug) => {
          const rows = db.prepare('SELECT path, stamp, racy FROM files WHERE repo = ? ORDER BY id').all(slug) as { path: string; stamp: string; racy: number }[];
          const stamps = rows.flatMap((r) => r.stamp.split(':').map((n, i) => (i === 0 && r.racy ? -1 : Number(n))));
          return { slug, file_paths: rows.map((r) => r.path).join('\0'), file_stamps: stamps };
        });
        return { stored, expected };
      } finally {
        db.close();
      }
    };
    sync(ws.root);
    let { stored, expected } = summaries();
    expect(stored).toEqual(expected);
    expect(expected.map((r) => r.file_paths)).toEqual(['workplans/A-1.md\0workplans/A-2.md\0workplans/A-3.md', 'docs/tasks/B-1.md', '']);
    // An edit, an addition and a removal; the edited file is old again, so the next check goes by
    // the summary alone and must see the following edit.
    writeFileSync(join(alpha, 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'done']]));
    age(join(alpha, 'workplans/A-1.md'), 1);
    unlinkSync(join(alpha, 'workplans/A-2.md'));
    writeFileSync(join(ws.repo('beta'), 'docs/tasks/B-2.md'), '---\nid: B-2\n---\n');
    expect(sync(ws.root).json.files).toMatchObject({ parsed: 2, removed: 1 });
    ({ stored, expected } = summaries());
    expect(stored).toEqual(expected);
    // Racy by their ctime (just written or touched): alpha's edited file and beta's new one.
    expect(expected.map((r) => r.file_stamps.filter((n, i) => i % 4 === 0 && n === -1).length)).toEqual([1, 1, 0]);
    // A read command looks at the racy files one by one and vouches for the others by the
    // summary: an edit to either kind is seen.
    writeFileSync(join(alpha, 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'blocked']]));
    writeFileSync(join(alpha, 'workplans/A-3.md'), workplan('A-3', [['A-3-T1', 'done']]));
    age(join(alpha, 'workplans/A-3.md'), 1);
    expect(taskIds(ws.root)).toEqual(['A-1-T1:blocked', 'A-3-T1:done', 'B-1:todo', 'B-2:todo']);
    ({ stored, expected } = summaries());
    expect(stored).toEqual(expected);
  });

  it('sees a file added to an existing empty sub-folder', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1') } });
    mkdirSync(join(ws.repo('alpha'), 'workplans/empty'));
    sync(ws.root);
    writeFileSync(join(ws.repo('alpha'), 'workplans/empty/A-9.md'), workplan('A-9', [['A-9-T1', 'todo']]));
    expect(taskIds(ws.root)).toEqual(['A-9-T1:todo']);
  });

  it('never reads through a symbolic link that leaves the repository', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), workplan('SECRET', [['SECRET-T1', 'todo']]));
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'dir/S-2.md'), workplan('S-2', [['S-2-T1', 'todo']]));
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } }, { commit: false });
    symlinkSync(join(outside, 'secret.md'), join(ws.repo('alpha'), 'workplans/link.md'));
    symlinkSync(join(outside, 'dir'), join(ws.repo('alpha'), 'workplans/linked-dir'));
    symlinkSync('A-1.md', join(ws.repo('alpha'), 'workplans/inside-link.md'));
    const report = sync(ws.root).json;
    expect(report.diagnostics.map((d: any) => [d.file, d.rule_id])).toEqual([['workplans/link.md', 'file/unreadable']]);
    expect(taskIds(ws.root)).toEqual(['A-1-T1:todo', 'A-1-T1:todo']);
  });

  it('gives the identical answer after the index is deleted', () => {
    const ws = tempWorkspace({
      alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo'], ['A-1-T2', 'blocked']]) },
      beta: { 'docs/tasks/B-1.md': '---\nid: B-1\ndepends_on: [A-1-T1]\n---\n## Description\n\nText.\n' },
    });
    const first = runCli(['-w', ws.root, 'task', 'list', '--json']).stdout;
    rmSync(join(ws.root, '.custodian'), { recursive: true });
    const second = runCli(['-w', ws.root, 'task', 'list', '--json']).stdout;
    expect(second).toBe(first);
    expect(JSON.parse(second).items).toHaveLength(3);
  });

  it('rebuilds a corrupt, empty or foreign index without the user doing anything', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    const index = join(ws.root, '.custodian/index.sqlite');
    const expected = taskIds(ws.root);
    for (const damage of [
      () => writeFileSync(index, ''),
      () => writeFileSync(index, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)])),
      () => writeFileSync(index, 'this is not a database at all'.repeat(200)),
    ]) {
      for (const suffix of ['-wal', '-shm']) rmSync(index + suffix, { force: true });
      damage();
      expect(taskIds(ws.root)).toEqual(expected);
    }
    // A foreign SQLite database at the index path.
    for (const suffix of ['', '-wal', '-shm']) rmSync(index + suffix, { force: true });
    const foreign = new Database(index);
    foreign.exec("CREATE TABLE tasks (name TEXT); INSERT INTO tasks VALUES ('not ours'); PRAGMA user_version = 7;");
    foreign.close();
    expect(taskIds(ws.root)).toEqual(expected);
  });
});
