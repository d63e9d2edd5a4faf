// C14's blame: one process per file, every task's range in it, uncommitted lines as "now".
import { afterAll, describe, expect, it } from 'vitest';
import { lastTouched, parseBlamePorcelain } from '../../src/doi/facts/blame.js';
import { limiter } from '../../src/doi/facts/limit.js';
import { commitAll, git, gitRepo, removeTempDirs, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const T1 = Date.parse('2026-01-01T00:00:00Z') / 1000;
const T2 = Date.parse('2026-02-01T00:00:00Z') / 1000;

describe('blame', () => {
  it('gives each range the newest commit time among its lines, from one git blame', async () => {
    const repo = gitRepo({ 'f.md': 'a\nb\nc\nd\ne\nf\n' }, { date: '2026-01-01T00:00:00Z' });
    writeFiles(repo, { 'f.md': 'a\nB\nc\nd\ne\nf\n' });
    commitAll(repo, 'second', '2026-02-01T00:00:00Z');
    writeFiles(repo, { 'f.md': 'a\nB\nc\nd\nE\nf\n' });
    const ranges = [{ start: 1, end: 1 }, { start: 1, end: 3 }, { start: 4, end: 6 }, { start: 6, end: 6 }];
    expect(await lastTouched(repo, 'f.md', ranges, limiter(1))).toEqual([T1, T2, null, T1]);
  });

  it('counts a file that is not committed, or a range past its end, as touched now', async () => {
    const repo = gitRepo({ 'f.md': 'a\n' }, { date: '2026-01-01T00:00:00Z' });
    writeFiles(repo, { 'new.md': 'x\ny\n' });
    expect(await lastTouched(repo, 'new.md', [{ start: 1, end: 2 }], limiter(1))).toEqual([null]);
    expect(await lastTouched(repo, 'f.md', [{ start: 5, end: 9 }], limiter(1))).toEqual([null]);
    const empty = gitRepo({ 'f.md': 'a\n' }, { commit: false });
    expect(await lastTouched(empty, 'f.md', [{ start: 1, end: 1 }], limiter(1))).toEqual([null]);
  });

  it('reads porcelain output where later lines of a commit carry no header block', () => {
    const repo = gitRepo({ 'f.md': 'a\nb\nc\n' }, { date: '2026-01-01T00:00:00Z' });
    const output = git(repo, ['blame', '--porcelain', '-L', '1,3', '--', 'f.md']);
    expect([...parseBlamePorcelain(output)]).toEqual([
      [1, T1],
      [2, T1],
      [3, T1],
    ]);
  });
});
