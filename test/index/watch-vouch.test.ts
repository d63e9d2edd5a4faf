// A running `sync --watch` vouches for the index: reads then skip stat'ing every file, but only
// while the watcher has seen no change since its last sync, only for the index it synced, and
// never when it cannot answer in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { taskList } from '../../src/api/tasks.js';
import { checkSummary, packStamps, RACY_WINDOW_MS } from '../../src/index/stamps.js';
import { inUnwatchedFolder } from '../../src/index/watch-vouch.js';
import { CLI, gitEnv, removeTempDirs, runCliAsync } from '../helpers/git-repo.js';
import { until } from '../helpers/poll.js';
import { tempWorkspace, workplan } from './workspace-helper.js';

afterAll(removeTempDirs);

interface Watcher {
  child: ChildProcess;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function startWatcher(root: string): Watcher {
  const child = spawn(process.execPath, [CLI, '-w', root, 'sync', '--watch'], { env: { ...gitEnv(), NO_COLOR: '1' } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    stderr: () => stderr,
    stop: async (signal = 'SIGINT') => {
      child.kill(signal);
      await exited;
    },
  };
}

/** The task ids a read answers, and what it says about the watcher (CUSTODIAN_DEBUG). */
async function read(root: string): Promise<{ ids: string[]; watcher: string }> {
  const result = await runCliAsync(['-w', root, 'task', 'list', '--json'], { env: { CUSTODIAN_DEBUG: '1' } });
  expect(result.code, result.stderr).toBe(0);
  const watcher = /custodian: sync: ((?:a|no) watcher .*)\n/.exec(result.stderr)?.[1] ?? '(nothing said)';
  return { ids: JSON.parse(result.stdout).items.map((t: { id: string }) => t.id).sort(), watcher };
}

// A watcher's first sync and its file watch take seconds on a loaded machine.
const patiently = { timeoutMs: 60_000, everyMs: 100 };

const vouched = (answer: { watcher: string }) => answer.watcher === 'a watcher vouched for 1 repos';

describe('a watcher vouching for the index', () => {
  it('lets reads skip the stat walk only while nothing changed, and never answers from a stale index', async () => {
    // Thirty files, settled: their rows are not racy, so a read that trusted the watcher wrongly
    // would take their old stamps as they are (a racy row is stat'ed whatever the watcher says).
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`workplans/A-${i + 1}.md`, workplan(`A-${i + 1}`, [[`A-${i + 1}-T1`, 'todo']])]));
    const ws = tempWorkspace({ alpha: files });
    const path = (i: number) => join(ws.repo('alpha'), `workplans/A-${i}.md`);
    const file = path(1);
    const taskIds = Array.from({ length: 30 }, (_, i) => `A-${i + 1}-T1`).sort();
    const withTask = (id: string) => [...taskIds, id].sort();
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    expect((await runCliAsync(['-w', ws.root, 'sync'])).code).toBe(0);
    const before = await read(ws.root);
    expect(before).toEqual({ ids: taskIds, watcher: '(nothing said)' });
    const watcher = startWatcher(ws.root);
    try {
      // Once its first sync is done, the watcher vouches.
      expect(await until(() => read(ws.root), vouched, patiently)).toEqual({ ids: taskIds, watcher: 'a watcher vouched for 1 repos' });
      // Each edit is followed at once by a read in this process (tens of microseconds later): the
      // watcher must not vouch for an index that has not seen it, so every answer holds the edit.
      for (let i = 1; i <= 30; i++) {
        writeFileSync(path(i), workplan(`A-${i}`, [[`A-${i}-T1`, 'done']]));
        const answer = await taskList({ workspace: ws.root, env: {} });
        expect(answer.items.find((t) => t.id === `A-${i}-T1`)?.status).toBe('done');
      }
      // And once the watcher has synced the last edit, reads are vouched for again, with it.
      expect(await until(() => read(ws.root), vouched, patiently)).toEqual({ ids: taskIds, watcher: 'a watcher vouched for 1 repos' });
      // A second watcher of the same index leaves the vouching to the first.
      const second = startWatcher(ws.root);
      try {
        await until(() => second.stderr(), (text) => text.includes('watching'), patiently);
        expect(second.stderr()).toContain('custodian: another watcher answers for this index');
      } finally {
        await second.stop();
      }
      // ... and leaves the first one's cookies alone: it still vouches.
      expect(await until(() => read(ws.root), vouched, patiently)).toEqual({ ids: taskIds, watcher: 'a watcher vouched for 1 repos' });


      // An index that is not the one the watcher synced (rebuilt, or copied back) is not vouched for.
      const index = join(ws.root, '.custodian/index.sqlite');
      const db = new Database(index);
      db.prepare("UPDATE meta SET value = 'another' WHERE key = 'watch_token'").run();
      db.close();
      const mismatch = 'no watcher vouched (the index is not the one the watcher last synced)';
      expect(await until(() => read(ws.root), (answer) => answer.watcher === mismatch, patiently)).toEqual({ ids: taskIds, watcher: mismatch });

      // A watcher that cannot answer (stopped) is not waited for.
      writeFileSync(file, workplan('A-1', [['A-1-T1', 'done'], ['A-1-T2', 'todo']]));
      watcher.child.kill('SIGSTOP');
      expect(await read(ws.root)).toEqual({ ids: withTask('A-1-T2'), watcher: 'no watcher vouched (the watcher did not answer within 150 ms)' });
      watcher.child.kill('SIGCONT');
    } finally {
      // Killed without a chance to tidy up: its socket is left behind.
      await watcher.stop('SIGKILL');
    }
    const orphan = await read(ws.root);
    expect(orphan.ids).toEqual(withTask('A-1-T2'));
    expect(orphan.watcher).toMatch(/^no watcher vouched \(the watcher cannot be reached: connect ECONNREFUSED /);
    // A new watcher takes the dead one's place.
    const next = startWatcher(ws.root);
    try {
      writeFileSync(file, workplan('A-1', [['A-1-T1', 'todo'], ['A-1-T9', 'todo']]));
      expect(await until(() => read(ws.root), vouched, patiently)).toEqual({ ids: withTask('A-1-T9'), watcher: 'a watcher vouched for 1 repos' });
    } finally {
      await next.stop();
    }
    // Stopped properly, it leaves nothing to connect to (and with no watcher, nothing is said).
    expect(await read(ws.root)).toEqual({ ids: withTask('A-1-T9'), watcher: '(nothing said)' });
  }, 240_000);

  it('a watcher that finds something else where its socket goes still syncs, says why it will not vouch, and removes nothing', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
    expect((await runCliAsync(['-w', ws.root, 'sync'])).code).toBe(0);
    const socketPath = join(ws.root, '.custodian/index.sqlite-watch.sock');
    mkdirSync(socketPath);
    writeFileSync(join(socketPath, 'keep.txt'), 'not the watcher\'s\n');
    const watcher = startWatcher(ws.root);
    try {
      await until(() => watcher.stderr(), (text) => text.includes('watching'), patiently);
      expect(watcher.stderr()).toContain(`custodian: reads will stat every file: the watcher cannot listen at ${realpathSync(ws.root)}/.custodian/index.sqlite-watch.sock (something other than a socket is there)\n`);
      // Watching goes on: an edit reaches the index by the watcher's own sync (a --no-sync read shows it).
      writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'done']]));
      const status = async () => JSON.parse((await runCliAsync(['-w', ws.root, 'task', 'list', '--json', '--no-sync'])).stdout).items[0].status as string;
      expect(await until(status, (value) => value === 'done', patiently)).toBe('done');
      expect((await read(ws.root)).watcher).toBe('(nothing said)');
    } finally {
      await watcher.stop();
    }
    expect(readFileSync(join(socketPath, 'keep.txt'), 'utf8')).toBe("not the watcher's\n");
  }, 120_000);

  it('a vouched summary is taken without a stat: no file needs to be there', () => {
    const stamps = packStamps([
      { stamp: '10:1700000000000:1700000000000:42', racy: 0 },
      { stamp: '11:1700000000000:1700000000000:43', racy: 1 },
    ]);
    const missing = '/nonexistent/checkout';
    expect(checkSummary(missing, 'a.md\0b.md', stamps)).toBeNull();
    expect(checkSummary(missing, 'a.md\0b.md', stamps, true)).toEqual({ unchanged: 1, racy: ['b.md'] });
    // A link's stamp (not four numbers) is looked at file by file, vouched or not.
    const linked = packStamps([{ stamp: '10:1:1:42>11:1:1:43', racy: 0 }]);
    expect(checkSummary(missing, 'a.md', linked, true)).toBeNull();
  });

  it('names the folders the watcher does not watch, the same for its events and for the files a repo records', () => {
    // The watcher's own events: absolute paths.
    expect(['/w/r/.git/index', '/w/r/node_modules', '/w/r/a/node_modules/x.md'].filter(inUnwatchedFolder)).toHaveLength(3);
    expect(['/w/r/.github/x.md', '/w/r/xnode_modules/a.md', '/w/r/node_modulesx/b.md', '/w/r/workplans/A-1.md'].filter(inUnwatchedFolder)).toEqual([]);
    // A repo's recorded files, NUL-separated: one file in node_modules is enough to stat them all.
    expect(inUnwatchedFolder('workplans/A-1.md\0vendor/node_modules/pkg/README.md\0workplans/A-2.md')).toBe(true);
    expect(inUnwatchedFolder('node_modules/pkg/x.md')).toBe(true);
    expect(inUnwatchedFolder('workplans/A-1.md\0docs/xnode_modules/A-2.md')).toBe(false);
  });
});
