// Listing a repo's files from its git index file, against git's own answer in real repositories:
// where the reader answers, the answer is git's to the byte; everywhere it cannot be sure, it
// answers null and listFiles asks git. And a first sync starts no git process for a repo whose
// planning folders hold only tracked files.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesFromLsFiles, listFiles } from '../../src/workspace/git-facts.js';
import { listFromIndex } from '../../src/workspace/index-listing.js';
import { commitAll, git, gitEnv, gitRecorder, gitRepo, mergeBranch, removeTempDirs, runCli, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const SPECS = ['docs/tasks', 'workplans'];

/** `git ls-files --cached --others --exclude-standard` in `folder`, run here, as listFiles shapes git's output. */
function gitList(folder: string, specs: string[]): string[] {
  return filesFromLsFiles(execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...specs], { cwd: folder, env: gitEnv() }));
}

/** The reader answers, with git's list, and listFiles gives the same. */
async function expectAnswered(folder: string, specs: string[], expected: string[]): Promise<void> {
  expect(gitList(folder, specs)).toEqual(expected);
  expect(listFromIndex(folder, specs)).toEqual(expected);
  expect(await listFiles(folder, specs)).toEqual(expected);
}

/** The reader declines, and listFiles still gives git's list. */
async function expectLeftToGit(folder: string, specs: string[], expected: string[]): Promise<void> {
  expect(gitList(folder, specs)).toEqual(expected);
  expect(listFromIndex(folder, specs)).toBeNull();
  expect(await listFiles(folder, specs)).toEqual(expected);
}

const indexVersion = (repo: string) => readFileSync(join(repo, '.git', 'index')).readUInt32BE(4);

function plansRepo(): string {
  return gitRepo({
    'workplans/a.md': 'a',
    'workplans/deep/er/b.md': 'b',
    'workplans/ü ö.md': 'u',
    'docs/tasks/t-1.md': 't',
    'docs/other.md': 'o',
    'workplans-old/c.md': 'c',
    'src/x.ts': 'x',
  });
}

const PLANS = ['docs/tasks/t-1.md', 'workplans/a.md', 'workplans/deep/er/b.md', 'workplans/ü ö.md'];

describe('listFromIndex answers as git does', () => {
  it('for an ordinary index (version 2), only under the folders asked for', async () => {
    const repo = plansRepo();
    expect(indexVersion(repo)).toBe(2);
    await expectAnswered(repo, SPECS, PLANS);
    await expectAnswered(repo, ['workplans/deep'], ['workplans/deep/er/b.md']);
    await expectAnswered(repo, ['goals'], []);
  });

  it('for version 3 (an intent-to-add file, a skip-worktree file) and version 4 (prefix-compressed names)', async () => {
    const repo = plansRepo();
    writeFiles(repo, { 'workplans/new.md': 'n' });
    git(repo, ['add', '-N', 'workplans/new.md']);
    git(repo, ['update-index', '--skip-worktree', 'workplans/a.md']);
    expect(indexVersion(repo)).toBe(3);
    const withNew = [...PLANS, 'workplans/new.md'].sort();
    await expectAnswered(repo, SPECS, withNew);
    git(repo, ['update-index', '--index-version', '4']);
    expect(indexVersion(repo)).toBe(4);
    await expectAnswered(repo, SPECS, withNew);
  });

  it('for a SHA-256 repository', async () => {
    const repo = tempDir('custodian-repo-');
    git(repo, ['init', '-q', '-b', 'main', '--object-format=sha256']);
    writeFiles(repo, { 'workplans/a.md': 'a', 'workplans/b.md': 'b' });
    commitAll(repo, 'initial');
    await expectAnswered(repo, ['workplans'], ['workplans/a.md', 'workplans/b.md']);
  });

  it('for a tracked file deleted from disk, a file in conflict, a submodule entry and a tracked link', async () => {
    const repo = gitRepo({ 'workplans/a.md': 'base\n', 'workplans/gone.md': 'g' });
    expect(mergeBranch(repo, { 'workplans/a.md': 'other\n' }, { 'workplans/a.md': 'main\n' })).toBe(false);
    rmSync(join(repo, 'workplans', 'gone.md'));
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${head},workplans/sub`]);
    symlinkSync('a.md', join(repo, 'workplans', 'link.md'));
    git(repo, ['add', 'workplans/link.md']);
    await expectAnswered(repo, ['workplans'], ['workplans/a.md', 'workplans/gone.md', 'workplans/link.md', 'workplans/sub']);
  });

  it('for a linked worktree, and for a repo folder inside a larger work tree', async () => {
    const repo = plansRepo();
    const linked = join(tempDir(), 'linked');
    git(repo, ['worktree', 'add', '-q', linked]);
    await expectAnswered(linked, SPECS, PLANS);
    const outer = gitRepo({ 'fixtures/ws/workplans/a.md': 'a', 'workplans/outer.md': 'o' });
    await expectAnswered(join(outer, 'fixtures', 'ws'), ['workplans'], ['workplans/a.md']);
  });

  it('for folders that hold nothing, or do not exist, and a pathspec naming a tracked file', async () => {
    const repo = plansRepo();
    mkdirSync(join(repo, 'workplans', 'empty'));
    await expectAnswered(repo, ['workplans/empty', 'goals'], []);
    await expectAnswered(repo, ['workplans/a.md'], ['workplans/a.md']);
  });
});

describe('listFromIndex leaves it to git', () => {
  it('when an untracked file is there, whether or not git ignores it', async () => {
    const repo = plansRepo();
    writeFiles(repo, { 'workplans/new.md': 'n' });
    await expectLeftToGit(repo, SPECS, [...PLANS, 'workplans/new.md'].sort());
    commitAll(repo, 'new');
    writeFiles(repo, { '.gitignore': '*.tmp\n', 'workplans/draft.tmp': 'd' });
    await expectLeftToGit(repo, SPECS, [...PLANS, 'workplans/new.md'].sort());
  });

  it('when a pathspec names an untracked file, or an untracked link', async () => {
    const repo = plansRepo();
    writeFiles(repo, { 'notes.md': 'n' });
    await expectLeftToGit(repo, ['notes.md'], ['notes.md']);
    symlinkSync(tempDir(), join(repo, 'workplans', 'elsewhere'));
    await expectLeftToGit(repo, SPECS, [...PLANS, 'workplans/elsewhere'].sort());
  });

  it('for a nested repository', async () => {
    const repo = plansRepo();
    const nested = join(repo, 'workplans', 'nested');
    mkdirSync(nested);
    git(nested, ['init', '-q']);
    writeFiles(nested, { 'n.md': 'n' });
    await expectLeftToGit(repo, SPECS, PLANS);
  });

  it('for a split index and a sparse index', async () => {
    const split = plansRepo();
    git(split, ['update-index', '--split-index']);
    writeFiles(split, { 'workplans/z.md': 'z' });
    git(split, ['add', 'workplans/z.md']);
    await expectLeftToGit(split, SPECS, [...PLANS, 'workplans/z.md'].sort());
    const sparse = plansRepo();
    git(sparse, ['sparse-checkout', 'init', '--cone', '--sparse-index']);
    git(sparse, ['sparse-checkout', 'set', 'workplans']);
    await expectLeftToGit(sparse, SPECS, PLANS);
  });

  it('for an index whose checksum is wrong (git reads it anyway), or which is not an index at all (git’s error stands)', async () => {
    const repo = plansRepo();
    const path = join(repo, '.git', 'index');
    const bytes = readFileSync(path);
    bytes[12 + 28] ^= 0xff; // the first entry's uid: git does not check the trailer when it reads
    writeFileSync(path, bytes);
    await expectLeftToGit(repo, SPECS, PLANS);
    bytes.write('DIRX', 0, 'latin1');
    writeFileSync(path, bytes);
    expect(listFromIndex(repo, SPECS)).toBeNull();
    await expect(listFiles(repo, SPECS)).rejects.toThrow(/bad signature/);
  });

  it('for a config it does not follow: bare, included files', async () => {
    const bare = plansRepo();
    git(bare, ['config', 'core.bare', 'true']);
    expect(listFromIndex(bare, SPECS)).toBeNull();
    await expect(listFiles(bare, SPECS)).rejects.toThrow(/must be run in a work tree/);
    const included = plansRepo();
    git(included, ['config', 'include.path', 'extra.config']);
    await expectLeftToGit(included, SPECS, PLANS);
  });

  it('for a pathspec git would read as a glob, or none at all', async () => {
    const repo = plansRepo();
    expect(listFromIndex(repo, ['work*'])).toBeNull();
    expect(listFromIndex(repo, ['./workplans'])).toBeNull();
    expect(listFromIndex(repo, [])).toBeNull();
    expect(listFromIndex(tempDir(), ['workplans'])).toBeNull();
  });

  it.runIf(process.geteuid?.() === 0)('for a repository another user owns (git’s safe.directory decides)', async () => {
    const repo = plansRepo();
    execFileSync('chown', ['-R', '65534:65534', repo]);
    expect(listFromIndex(repo, SPECS)).toBeNull();
    chownSync(repo, 0, 0);
    expect(listFromIndex(repo, SPECS)).toBeNull();
  });
});

describe('a first sync', () => {
  it('starts git to list only the repo whose planning folders hold an untracked file, and indexes both', () => {
    const root = tempDir();
    const tracked = gitRepo({ 'workplans/TRK-WP-0001-a.md': workplan('TRK-WP-0001', 'TRK-T1') });
    const untracked = gitRepo({ 'workplans/UNT-WP-0001-a.md': workplan('UNT-WP-0001', 'UNT-T1') });
    writeFiles(untracked, { 'workplans/UNT-WP-0002-b.md': workplan('UNT-WP-0002', 'UNT-T2') });
    writeFiles(root, {
      'custodian.yaml': `version: 1\ndomains:\n  - slug: d\n    name: D\nrepos:\n  - slug: trk\n    name: T\n    domain: d\n    path: ${tracked}\n  - slug: unt\n    name: U\n    domain: d\n    path: ${untracked}\n`,
    });
    const recorder = gitRecorder();
    const index = join(tempDir(), 'index.sqlite');
    expect(runCli(['-w', root, '--index', index, 'sync'], { env: recorder.env }).code).toBe(0);
    const listings = recorder.calls().filter((call) => call.includes('ls-files'));
    expect(listings).toEqual([expect.stringMatching(/ls-files -z --cached --others --exclude-standard -- decisions docs\/tasks goals interface-changes workplans$/)]);
    const { json } = runCliJson(['-w', root, '--index', index, 'task', 'list', '--json'], { env: recorder.env });
    expect(json.items.map((t: { id: string }) => t.id).sort()).toEqual(['TRK-T1', 'UNT-T1', 'UNT-T2']);
  });
});

function workplan(id: string, task: string): string {
  return `---\nid: ${id}\ntitle: Plan\nstatus: active\n---\n\n# Plan\n\n\`\`\`task\nid: ${task}\ntitle: Do it\nstatus: todo\n\`\`\`\n`;
}
