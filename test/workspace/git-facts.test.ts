import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findGitDirs, isShallow, prefixInWorkTree, readHead } from '../../src/workspace/git-dirs.js';
import { readOriginUrl } from '../../src/workspace/git-config.js';
import { listFiles, resolveHead, rootCommits } from '../../src/workspace/git-facts.js';
import { commitAll, git, gitRepo, mergeBranch, removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const head = (dir: string) => git(dir, ['rev-parse', 'HEAD']).trim();

function dirsOf(path: string) {
  const dirs = findGitDirs(path);
  if (!dirs) throw new Error(`no git dirs at ${path}`);
  return dirs;
}

describe('an empty repository (no commits)', () => {
  it('has an unborn branch and no root commits', async () => {
    const repo = gitRepo();
    const dirs = dirsOf(repo);
    expect(dirs).toEqual({ workTree: repo, gitDir: join(repo, '.git'), commonDir: join(repo, '.git') });
    expect(readHead(dirs.gitDir, dirs.commonDir)).toEqual({ ref: 'refs/heads/main', sha: null });
    expect(await rootCommits(repo)).toEqual([]);
  });
});

describe('HEAD read from files', () => {
  it('follows a branch in loose refs', () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    const dirs = dirsOf(repo);
    expect(readHead(dirs.gitDir, dirs.commonDir)).toEqual({ ref: 'refs/heads/main', sha: head(repo) });
  });

  it('reads a detached HEAD', () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    const first = head(repo);
    writeFiles(repo, { 'b.txt': 'b' });
    commitAll(repo, 'second');
    git(repo, ['checkout', '-q', '--detach', first]);
    const dirs = dirsOf(repo);
    expect(readHead(dirs.gitDir, dirs.commonDir)).toEqual({ ref: null, sha: first });
  });

  it('finds a branch in packed-refs after git pack-refs --all', () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    const sha = head(repo);
    git(repo, ['pack-refs', '--all']);
    const dirs = dirsOf(repo);
    expect(readHead(dirs.gitDir, dirs.commonDir)).toEqual({ ref: 'refs/heads/main', sha });
  });

  it('agrees with git through resolveHead', async () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    expect(await resolveHead(repo)).toEqual({ ref: 'refs/heads/main', sha: head(repo) });
    expect(await resolveHead(tempDir())).toBeNull();
  });
});

describe('a linked worktree', () => {
  it('resolves its own HEAD and the shared common dir', async () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    const main = head(repo);
    const worktree = join(tempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', '-b', 'feature', worktree]);
    writeFiles(worktree, { 'b.txt': 'b' });
    commitAll(worktree, 'on feature');
    const dirs = dirsOf(join(worktree));
    expect(dirs).toEqual({
      workTree: worktree,
      gitDir: join(repo, '.git', 'worktrees', 'wt'),
      commonDir: join(repo, '.git'),
    });
    expect(readHead(dirs.gitDir, dirs.commonDir)).toEqual({ ref: 'refs/heads/feature', sha: head(worktree) });
    expect(head(worktree)).not.toBe(main);
    expect(await rootCommits(worktree)).toEqual([main]);
    expect(isShallow(dirs.commonDir)).toBe(false);
  });
});

describe('root commits and shallow clones', () => {
  it('lists the root commit of a repo with history', async () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    const root = head(repo);
    writeFiles(repo, { 'b.txt': 'b' });
    commitAll(repo, 'second');
    expect(await rootCommits(repo)).toEqual([root]);
    expect(isShallow(dirsOf(repo).commonDir)).toBe(false);
  });

  it('marks a --depth 1 clone as shallow (its root commit is the boundary)', async () => {
    const repo = gitRepo({ 'a.txt': 'a' });
    writeFiles(repo, { 'b.txt': 'b' });
    commitAll(repo, 'second');
    const tip = head(repo);
    const clone = join(tempDir(), 'clone');
    git(tempDir(), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(isShallow(dirsOf(clone).commonDir)).toBe(true);
    expect(await rootCommits(clone)).toEqual([tip]);
  });
});

describe('origin URL', () => {
  it('reads remote.origin.url from the config file', async () => {
    const repo = gitRepo({ 'a.txt': 'a' }, { origin: 'https://git.example.org/org/the-repo.git' });
    expect(await readOriginUrl(dirsOf(repo).commonDir)).toBe('https://git.example.org/org/the-repo.git');
  });

  it('is null without an origin', async () => {
    expect(await readOriginUrl(dirsOf(gitRepo()).commonDir)).toBeNull();
  });

  it('reads it from a linked worktree through the common dir', async () => {
    const repo = gitRepo({ 'a.txt': 'a' }, { origin: 'git@example.org:org/x.git' });
    const worktree = join(tempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', '--detach', worktree]);
    expect(await readOriginUrl(dirsOf(worktree).commonDir)).toBe('git@example.org:org/x.git');
  });

  it('asks git when the config includes another file', async () => {
    const repo = gitRepo();
    const extra = join(tempDir(), 'extra.config');
    writeFileSync(extra, '[remote "origin"]\n\turl = https://included.example.org/r.git\n');
    git(repo, ['config', 'include.path', extra]);
    expect(await readOriginUrl(dirsOf(repo).commonDir)).toBe('https://included.example.org/r.git');
  });
});

describe('findGitDirs', () => {
  it('walks up from a nested folder and a file, and knows where the folder sits', () => {
    const repo = gitRepo({ 'docs/tasks/x.md': 'x' });
    const nested = join(repo, 'docs', 'tasks');
    expect(dirsOf(nested).workTree).toBe(repo);
    expect(dirsOf(join(nested, 'x.md')).workTree).toBe(repo);
    expect(prefixInWorkTree(dirsOf(nested), nested)).toBe('docs/tasks');
    expect(prefixInWorkTree(dirsOf(repo), repo)).toBe('');
  });

  it('is null outside any repository and skips a .git folder that is not a repository', () => {
    const dir = tempDir();
    expect(findGitDirs(dir)).toBeNull();
    mkdirSync(join(dir, 'inner', '.git'), { recursive: true });
    expect(findGitDirs(join(dir, 'inner'))).toBeNull();
  });
});

describe('listFiles', () => {
  it('lists tracked and untracked files, not ignored ones, and does not follow a symlink out of the repo', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret/plan.md': 'outside' });
    const repo = gitRepo({
      '.gitignore': 'ignored/\n*.log\n',
      'workplans/a.md': 'a',
      'space name/ü.md': 'u',
    });
    writeFiles(repo, { 'workplans/new.md': 'new', 'ignored/x.md': 'x', 'run.log': 'log' });
    symlinkSync(join(outside, 'secret'), join(repo, 'linked'));
    expect(await listFiles(repo)).toEqual(['.gitignore', 'linked', 'space name/ü.md', 'workplans/a.md', 'workplans/new.md']);
  });

  it('lists a repo folder inside a larger work tree relative to that folder', async () => {
    const repo = gitRepo({ 'fixtures/ws/workplans/a.md': 'a', 'src/x.ts': 'x' });
    writeFiles(repo, { 'fixtures/ws/goals/g.md': 'g' });
    expect(await listFiles(join(repo, 'fixtures', 'ws'))).toEqual(['goals/g.md', 'workplans/a.md']);
  });

  it('limits the listing to pathspecs and skips an untracked nested repository', async () => {
    const repo = gitRepo({ 'workplans/a.md': 'a', 'other/b.md': 'b' });
    const nested = join(repo, 'nested');
    mkdirSync(nested);
    git(nested, ['init', '-q']);
    writeFiles(nested, { 'n.md': 'n' });
    expect(await listFiles(repo, ['workplans'])).toEqual(['workplans/a.md']);
    expect(await listFiles(repo)).toEqual(['other/b.md', 'workplans/a.md']);
  });

  it('lists a file once while it has a merge conflict', async () => {
    const repo = gitRepo({ 'a.md': 'base\n' });
    expect(mergeBranch(repo, { 'a.md': 'other\n' }, { 'a.md': 'main\n' })).toBe(false);
    expect(await listFiles(repo)).toEqual(['a.md']);
  });
});

describe('runGit in a hook environment', () => {
  it('ignores GIT_DIR / GIT_INDEX_FILE / GIT_WORK_TREE inherited from the parent', async () => {
    const repo = gitRepo({ 'workplans/a.md': 'a' });
    const bogus = tempDir();
    const saved = { ...process.env };
    try {
      process.env.GIT_DIR = join(bogus, 'nope.git');
      process.env.GIT_INDEX_FILE = join(bogus, 'index');
      process.env.GIT_WORK_TREE = bogus;
      process.env.GIT_OBJECT_DIRECTORY = join(bogus, 'objects');
      expect(await listFiles(repo)).toEqual(['workplans/a.md']);
      expect(await rootCommits(repo)).toEqual([head(repo)]);
    } finally {
      for (const key of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_OBJECT_DIRECTORY']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});

describe('listings asked for at once share a few processes', () => {
  it('answers each folder as a listing of its own would, and a failed folder with git own error', async () => {
    const odd = gitRepo({ 'workplans/a.md': 'a' });
    // Bytes a framing could trip on: newlines, a NUL-free name that looks like a frame, non-ASCII.
    writeFiles(odd, { 'workplans/line\nbreak.md': 'n', 'workplans/custodian-0 0.md': 'f', 'workplans/ü.md': 'u' });
    const empty = gitRepo({});
    const plain = gitRepo({ 'goals/g.md': 'g', 'workplans/b.md': 'b' });
    const notARepo = tempDir();
    const folders = [odd, empty, plain, odd, plain];
    const alone: string[][] = [];
    for (const folder of folders) alone.push(await listFiles(folder));
    expect(alone[0]).toEqual(['workplans/a.md', 'workplans/custodian-0 0.md', 'workplans/line\nbreak.md', 'workplans/ü.md']);
    // Asked in one turn of the event loop: one batch (listings of 2+ folders run in one shell).
    const together = await Promise.all(folders.map((folder, i) => listFiles(folder, i === 2 ? ['workplans'] : [])));
    expect(together).toEqual([alone[0], [], ['workplans/b.md'], alone[0], alone[2]]);
    const [failed, fine] = await Promise.allSettled([listFiles(notARepo), listFiles(plain)]);
    expect(fine).toEqual({ status: 'fulfilled', value: ['goals/g.md', 'workplans/b.md'] });
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason.message)).toMatch(/^git ls-files -z --cached --others --exclude-standard -- failed in .*: fatal: not a git repository/);
  });
});
