// The early stat walk (src/index/early-walk.ts): a read command stats every recorded file on a
// thread of its own from the moment it starts, from a copy of the index's repo summaries kept
// beside the index, and the sync takes a repo's answer only where that copy equals the summary
// the index holds. These run the real CLI on real repos and watch which repos it answered for
// (CUSTODIAN_DEBUG says so on stderr) and, above all, that no answer is ever stale.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from './workspace-helper.js';

afterAll(removeTempDirs);

// Without the addon there is no early walk (native-stamps.test.ts says so loudly, and fails under CI=true).
const native = nativeAddon();

const OLD = new Date(Date.now() - 120_000);

function workspace() {
  const ws = tempWorkspace({
    alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]), 'workplans/A-2.md': workplan('A-2', [['A-2-T1', 'todo']]) },
    beta: { 'workplans/B-1.md': workplan('B-1', [['B-1-T1', 'todo']]) },
  });
  // Files older than the racy window: every stamp is trusted from the first sync on.
  for (const file of ['repos/alpha/workplans/A-1.md', 'repos/alpha/workplans/A-2.md', 'repos/beta/workplans/B-1.md']) utimesSync(join(ws.root, file), OLD, OLD);
  return ws;
}

/** `task list` as `id:status`, and how many repos the early walk answered for (null: it did not run). */
function list(root: string, extra: string[] = [], env: Record<string, string> = {}) {
  const result = runCli(['-w', root, ...extra, 'task', 'list', '--json'], { env: { CUSTODIAN_DEBUG: '1', ...env } });
  expect(result.code, result.stderr).toBe(0);
  const answered = /the early stat walk answered for (\d+) of (\d+) repos/.exec(result.stderr);
  return {
    tasks: (JSON.parse(result.stdout).items as { id: string; status: string }[]).map((t) => `${t.id}:${t.status}`),
    answered: answered ? `${answered[1]} of ${answered[2]}` : null,
  };
}

describe.skipIf(native === null)('the early stat walk', () => {
  it('answers from stats started as the command began, and sees every change', () => {
    const ws = workspace();
    const copy = join(ws.root, '.custodian', 'index.sqlite-stamps');
    // The first sync builds the index, and writes the copy the next read walks.
    expect(runCli(['-w', ws.root, 'sync']).code).toBe(0);
    expect(readFileSync(copy).subarray(0, 8).toString('latin1')).toBe('CUSTSTM1');
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:todo', 'B-1-T1:todo'], answered: '2 of 2' });
    // A read that finds no copy stats as before, then writes one.
    rmSync(copy);
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:todo', 'B-1-T1:todo'], answered: '0 of 2' });
    expect(list(ws.root).answered).toBe('2 of 2');
    // A same-size edit with its mtime put back: only its ctime tells. The early walk sees it.
    const a1 = join(ws.repo('alpha'), 'workplans/A-1.md');
    writeFileSync(a1, readFileSync(a1, 'utf8').replace('status: todo', 'status: done'));
    utimesSync(a1, OLD, OLD);
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:done', 'A-2-T1:todo', 'B-1-T1:todo'], answered: '2 of 2' });
    // The write left the copy (alpha's part is out of date): the next read stats alpha itself, and
    // with one repo of two unanswered, writes the copy again; the one after is answered for both.
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:done', 'A-2-T1:todo', 'B-1-T1:todo'], answered: '1 of 2' });
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:done', 'A-2-T1:todo', 'B-1-T1:todo'], answered: '2 of 2' });
  });

  it('never answers from a copy that is not the summary the index holds', () => {
    const ws = workspace();
    const index = join(ws.root, '.custodian', 'index.sqlite');
    const copy = `${index}-stamps`;
    list(ws.root);
    expect(list(ws.root).answered).toBe('2 of 2');
    // The index as it is now (todo everywhere), kept aside.
    const saved = tempDir('custodian-early-index-');
    for (const suffix of ['', '-wal']) if (existsSync(index + suffix)) copyFileSync(index + suffix, join(saved, `index${suffix}`));
    // A2 edited; a read brings the index and the copy up to date with it.
    const a2 = join(ws.repo('alpha'), 'workplans/A-2.md');
    writeFileSync(a2, readFileSync(a2, 'utf8').replace('status: todo', 'status: done'));
    utimesSync(a2, OLD, OLD);
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:done', 'B-1-T1:todo'], answered: '2 of 2' });
    list(ws.root);
    expect(list(ws.root).answered).toBe('2 of 2');
    // The old index back, the new copy kept: the copy matches alpha's files, but not the summary
    // this index holds for alpha. Taking its word would answer `A-2-T1:todo` from the old rows.
    for (const suffix of ['', '-wal', '-shm']) rmSync(index + suffix, { force: true });
    for (const suffix of ['', '-wal']) if (existsSync(join(saved, `index${suffix}`))) copyFileSync(join(saved, `index${suffix}`), index + suffix);
    expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:done', 'B-1-T1:todo'], answered: '1 of 2' });
    expect(list(ws.root).answered).toBe('2 of 2');
    // A copy that is not one custodian wrote, or cut short: answered for no repo, then rewritten.
    for (const bytes of [Buffer.from('not a copy of anything\n'), readFileSync(copy).subarray(0, 40)]) {
      writeFileSync(copy, bytes);
      expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:done', 'B-1-T1:todo'], answered: '0 of 2' });
      expect(list(ws.root).answered).toBe('2 of 2');
    }
    // A folder where the copy goes: it cannot be read or replaced, and every read still answers.
    rmSync(copy);
    mkdirSync(copy);
    for (let i = 0; i < 2; i++) expect(list(ws.root)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:done', 'B-1-T1:todo'], answered: '0 of 2' });
    expect(readdirSync(dirname(copy)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the copy beside an index named by --index or CUSTODIAN_INDEX, as SQLite keeps its own files', () => {
    const ws = workspace();
    const elsewhere = tempDir('custodian-early-elsewhere-');
    for (const [extra, env, index] of [
      [['--index', join(elsewhere, 'a.sqlite')], {}, join(elsewhere, 'a.sqlite')],
      [[], { CUSTODIAN_INDEX: join(elsewhere, 'b.sqlite') }, join(elsewhere, 'b.sqlite')],
    ] as [string[], Record<string, string>, string][]) {
      expect(list(ws.root, extra, env)).toEqual({ tasks: ['A-1-T1:todo', 'A-2-T1:todo', 'B-1-T1:todo'], answered: null });
      expect(existsSync(`${index}-stamps`)).toBe(true);
      expect(list(ws.root, extra, env).answered).toBe('2 of 2');
    }
    // The workspace's own index was never made.
    expect(existsSync(join(ws.root, '.custodian', 'index.sqlite'))).toBe(false);
  });
});
