// Reading the commits to derive from: one git log over the range, blobs by one cat-file.
import { afterAll, describe, expect, it } from 'vitest';
import { readBlobs, readHistory } from '../../src/events/git-history.js';
import { commitAll, git, gitRepo, mergeBranch, removeTempDirs, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']).trim();

describe('readHistory', () => {
  it('lists the commits after `from`, oldest first, with blobs before and after, paths relative to the folder git runs in', async () => {
    const repo = gitRepo({ 'sub/workplans/a.md': 'one\n', 'other/x.md': 'x\n' });
    const start = head(repo);
    writeFiles(repo, { 'sub/workplans/a.md': 'two\n', 'sub/workplans/b.md': 'b\n' });
    commitAll(repo, 'second', '2026-02-01T00:00:00Z');
    git(repo, ['rm', '-q', 'sub/workplans/a.md']);
    writeFiles(repo, { 'other/x.md': 'y\n' });
    commitAll(repo, 'third', '2026-02-02T00:00:00Z');
    const commits = (await readHistory(`${repo}/sub`, { from: start, to: head(repo) }, ['workplans']))!;
    expect(commits.map((c) => [c.side, c.time, c.changes.map((ch) => [ch.path, ch.before === null, ch.after === null])])).toEqual([
      ['new', Date.parse('2026-02-01T00:00:00Z') / 1000, [['workplans/a.md', false, false], ['workplans/b.md', true, false]]],
      ['new', Date.parse('2026-02-02T00:00:00Z') / 1000, [['workplans/a.md', false, true]]],
    ]);
    const blobs = await readBlobs(repo, [commits[0].changes[0].before!, commits[0].changes[0].after!, '0123456789012345678901234567890123456789'], 1024);
    expect([...blobs.values()].map((b) => b?.toString() ?? null)).toEqual(['one\n', 'two\n', null]);
  });

  it('with no `from`, lists every commit; `since` keeps the later ones', async () => {
    const repo = gitRepo({ 'workplans/a.md': '1\n' }, { date: '2026-01-01T00:00:00Z' });
    writeFiles(repo, { 'workplans/a.md': '2\n' });
    commitAll(repo, 'second', '2026-02-01T00:00:00Z');
    expect((await readHistory(repo, { from: null, to: head(repo) }, []))!.map((c) => c.changes[0].path)).toEqual(['workplans/a.md', 'workplans/a.md']);
    const since = Date.parse('2026-01-15T00:00:00Z') / 1000;
    expect((await readHistory(repo, { from: null, to: head(repo), since }, []))!.length).toBe(1);
  });

  it('after a rewrite, marks the commits only the old HEAD holds as abandoned', async () => {
    const repo = gitRepo({ 'workplans/a.md': '1\n' });
    const base = head(repo);
    writeFiles(repo, { 'workplans/a.md': '2\n' });
    commitAll(repo, 'old tip', '2026-02-01T00:00:00Z');
    const old = head(repo);
    git(repo, ['reset', '-q', '--hard', base]);
    writeFiles(repo, { 'workplans/a.md': '3\n' });
    commitAll(repo, 'new tip', '2026-02-02T00:00:00Z');
    const commits = (await readHistory(repo, { from: old, to: head(repo) }, ['workplans']))!;
    expect(commits.map((c) => [c.side, c.commit])).toEqual(
      expect.arrayContaining([
        ['abandoned', old],
        ['new', head(repo)],
      ]),
    );
    expect(commits).toHaveLength(2);
  });

  it('brings in a merged branch through its own commits; the merge carries no changes', async () => {
    const repo = gitRepo({ 'workplans/a.md': '1\n', 'workplans/b.md': '1\n' });
    const start = head(repo);
    expect(mergeBranch(repo, { 'workplans/b.md': 'side\n' }, { 'workplans/a.md': 'main\n' }, 'side')).toBe(true);
    const commits = (await readHistory(repo, { from: start, to: head(repo) }, []))!;
    expect(commits.map((c) => c.changes.map((ch) => ch.path)).sort()).toEqual([['workplans/a.md'], ['workplans/b.md']]);
  });

  it('answers null when `from` is not in the repository', async () => {
    const repo = gitRepo({ 'workplans/a.md': '1\n' });
    expect(await readHistory(repo, { from: 'f'.repeat(40), to: head(repo) }, [])).toBeNull();
  });
});
