// The no-op check's stat walk in C (native/stamps.c) must answer exactly as checkSummary's
// JavaScript loop: on every kind of file a repo can hold, vouched or not, with stamps that match,
// differ or do not fit the list. Under CI=true the addon must have been built (the bench's figures
// assume it); elsewhere a missing addon is said loudly and these comparisons are skipped.
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sync } from '../../src/api/sync.js';
import Database from 'better-sqlite3';
import { nativeAddon } from '../../src/native/addon.js';
import { checkSummary, fileStamp, packStamps } from '../../src/index/stamps.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from './workspace-helper.js';
import { announceMissingAddon } from '../helpers/native-addon.js';

afterAll(removeTempDirs);

const native = nativeAddon();
announceMissingAddon(native !== null);

/** Both answers for the same inputs; the test then says they are equal and what they are. */
function both(checkout: string, paths: string[], stamps: Buffer, vouched = false) {
  const joined = paths.join('\0');
  return { js: checkSummary(checkout, joined, stamps, vouched, null), native: checkSummary(checkout, joined, stamps, vouched, native) };
}

describe.skipIf(native === null)('the native stamp check', () => {
  const checkout = tempDir('custodian-native-stamps-');
  const names = ['a.md', 'sub/b.md', 'ünïcödé name.md', 'c.md'];
  mkdirSync(join(checkout, 'sub'));
  for (const name of names) writeFileSync(join(checkout, name), `# ${name}\n`);
  const old = new Date(Date.now() - 60_000);
  for (const name of names) utimesSync(join(checkout, name), old, old);
  const stampsOf = (paths: string[], racy: string[] = []) =>
    packStamps(paths.map((path) => ({ stamp: fileStamp(checkout, path)?.stamp ?? 'gone', racy: racy.includes(path) ? 1 : 0 })));

  it('finds files as recorded, and passes racy ones back by name', () => {
    const stamps = stampsOf(names, ['c.md']);
    expect(both(checkout, names, stamps)).toEqual({ js: { unchanged: 3, racy: ['c.md'] }, native: { unchanged: 3, racy: ['c.md'] } });
  });

  it('answers null for a changed, a missing, a linked or a replaced file, as the loop does', () => {
    const stamps = stampsOf(names);
    const cases: [string, () => void][] = [
      ['content changed, same size', () => writeFileSync(join(checkout, 'a.md'), '# a.mX\n')],
      ['mtime put back after an edit (ctime differs)', () => utimesSync(join(checkout, 'a.md'), old, old)],
      ['removed', () => rmSync(join(checkout, 'sub/b.md'))],
      ['a link in its place', () => symlinkSync(join(checkout, 'c.md'), join(checkout, 'sub/b.md'))],
      ['a folder in its place', () => (rmSync(join(checkout, 'sub/b.md')), mkdirSync(join(checkout, 'sub/b.md')))],
    ];
    for (const [what, change] of cases) {
      change();
      expect(both(checkout, names, stamps), what).toEqual({ js: null, native: null });
    }
    // Vouched for by a watcher, the same files are taken as recorded without a stat, by both.
    expect(both(checkout, names, stamps, true)).toEqual({ js: { unchanged: 4, racy: [] }, native: { unchanged: 4, racy: [] } });
    rmSync(join(checkout, 'sub/b.md'), { recursive: true });
    writeFileSync(join(checkout, 'sub/b.md'), '# sub/b.md\n');
  });

  it('answers null when the stamps do not fit the list, and for a stamp that is not four numbers even when vouched', () => {
    const stamps = stampsOf(names);
    expect(both(checkout, names.slice(0, 3), stamps)).toEqual({ js: null, native: null });
    expect(both(checkout, [...names, 'd.md'], stamps)).toEqual({ js: null, native: null });
    expect(both(checkout, [], stamps)).toEqual({ js: null, native: null });
    expect(both(checkout, [], packStamps([]))).toEqual({ js: { unchanged: 0, racy: [] }, native: { unchanged: 0, racy: [] } });
    const link = packStamps([{ stamp: '10:1:1:42>11:1:1:43', racy: 0 }]);
    expect(both(checkout, ['a.md'], link, true)).toEqual({ js: null, native: null });
    expect(both('/nonexistent/checkout', ['a.md'], stampsOf(['a.md']))).toEqual({ js: null, native: null });
  });

  it('finds a difference wherever it is in a repo large enough for two threads, across folders', () => {
    // 3 folders × 50 files (the addon splits a repo of 64 or more files between two threads, and
    // stats each file within its folder): a change in the first, middle or last file is found.
    const many: string[] = [];
    for (const folder of ['m1', 'm2/deep', 'm3']) {
      mkdirSync(join(checkout, folder), { recursive: true });
      for (let i = 0; i < 50; i++) many.push(`${folder}/f${String(i).padStart(2, '0')}.md`);
    }
    const paths = [...names, ...many];
    for (const path of many) {
      writeFileSync(join(checkout, path), `# ${path}\n`);
      utimesSync(join(checkout, path), old, old);
    }
    const racy = ['m2/deep/f10.md'];
    const asRecorded = { unchanged: 153, racy };
    expect(both(checkout, paths, stampsOf(paths, racy))).toEqual({ js: asRecorded, native: asRecorded });
    // The first file, the first thread's first and the second thread's middle and last.
    for (const path of ['a.md', 'm1/f00.md', 'm2/deep/f25.md', 'm3/f49.md']) {
      const stamps = stampsOf(paths, racy);
      expect(both(checkout, paths, stamps), path).toEqual({ js: asRecorded, native: asRecorded });
      writeFileSync(join(checkout, path), `* ${path}\n`);
      expect(both(checkout, paths, stamps), path).toEqual({ js: null, native: null });
    }
    const stamps = stampsOf(paths, racy);
    // A folder gone (its files cannot be stat'ed within it), or a file in place of it.
    rmSync(join(checkout, 'm3'), { recursive: true });
    expect(both(checkout, paths, stamps)).toEqual({ js: null, native: null });
    writeFileSync(join(checkout, 'm3'), 'not a folder\n');
    expect(both(checkout, paths, stamps)).toEqual({ js: null, native: null });
  });

  it('agrees with the loop on every repo of a synced workspace', async () => {
    const ws = tempWorkspace({
      alpha: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`workplans/A-${i}.md`, workplan(`A-${i}`, [[`A-${i}-T1`, 'todo']])])),
      beta: { 'workplans/B-1.md': workplan('B-1', [['B-1-T1', 'done']]), 'docs/tasks/B-1-T2.md': '---\nid: B-1-T2\nstatus: todo\n---\n' },
    });
    await sync({ workspace: ws.root, env: {} });
    const db = new Database(join(ws.root, '.custodian', 'index.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT slug, file_paths, file_stamps FROM repos ORDER BY slug').all() as { slug: string; file_paths: string; file_stamps: Buffer }[];
      expect(rows.map((r) => r.slug)).toEqual(['alpha', 'beta']);
      for (const row of rows) {
        const js = checkSummary(ws.repo(row.slug), row.file_paths, row.file_stamps, false, null);
        expect(js).not.toBeNull();
        expect(checkSummary(ws.repo(row.slug), row.file_paths, row.file_stamps, false, native)).toEqual(js);
      }
    } finally {
      db.close();
    }
  });
});
