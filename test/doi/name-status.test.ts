import { afterAll, describe, expect, it } from 'vitest';
import { NAME_STATUS_FORMAT, parseNameStatus } from '../../src/doi/facts/name-status.js';
import { commitAll, git, gitRepo, removeTempDirs, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('git log --name-status -z', () => {
  it('reads commits newest first with adds, modifications and renames', () => {
    const repo = gitRepo({ 'a.md': 'a\n', 'b.md': 'b\nb\nb\n' }, { date: '2026-01-01T00:00:00Z' });
    git(repo, ['mv', 'b.md', 'c d.md']);
    writeFiles(repo, { 'a.md': 'a2\n' });
    commitAll(repo, 'two', '2026-02-01T00:00:00Z');
    const commits = parseNameStatus(git(repo, ['log', '-M', '--name-status', '-z', NAME_STATUS_FORMAT]));
    expect(commits.map((c) => [c.time, c.changes])).toEqual([
      [Date.parse('2026-02-01T00:00:00Z') / 1000, [{ status: 'M', paths: ['a.md'] }, { status: 'R100', paths: ['b.md', 'c d.md'] }]],
      [Date.parse('2026-01-01T00:00:00Z') / 1000, [{ status: 'A', paths: ['a.md'] }, { status: 'A', paths: ['b.md'] }]],
    ]);
    expect(commits[0].commit).toBe(git(repo, ['rev-parse', 'HEAD']).trim());
    expect(commits[0].parents).toEqual([commits[1].commit]);
    expect(commits[1].parents).toEqual([]);
  });
});
