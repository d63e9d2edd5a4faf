import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CustodianError } from '../../src/errors.js';
import { parseGitConfig } from '../../src/workspace/git-config.js';
import { GitError, gitEnvironment, runGit, runGitBuffer } from '../../src/workspace/git.js';
import { gitRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('runGit', () => {
  it('returns stdout and passes input on stdin', async () => {
    const repo = gitRepo();
    const result = await runGit(repo, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(result).toEqual({ stdout: 'ce013625030ba8dba906f756967f9e9ca394464a\n', stderr: '', exitCode: 0 });
  });

  it('returns bytes that are not UTF-8 unchanged', async () => {
    const repo = gitRepo();
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const sha = (await runGit(repo, ['hash-object', '-w', '--stdin'], { input: bytes })).stdout.trim();
    const blob = await runGitBuffer(repo, ['cat-file', 'blob', '--end-of-options', sha]);
    expect(blob.stdout.equals(bytes)).toBe(true);
  });

  it('throws a GitError (an internal CustodianError) with git exit code and stderr', async () => {
    const repo = gitRepo();
    const error = await runGit(repo, ['rev-parse', '--verify', '--end-of-options', 'no-such-branch']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toBeInstanceOf(CustodianError);
    const gitError = error as GitError;
    expect(gitError.code).toBe('internal');
    expect(gitError.exitCode).toBe(2);
    expect(gitError.gitExitCode).toBe(128);
    expect(gitError.args).toEqual(['rev-parse', '--verify', '--end-of-options', 'no-such-branch']);
    expect(gitError.message).toBe(`git rev-parse --verify --end-of-options no-such-branch failed in ${repo}: fatal: Needed a single revision`);
  });

  it('treats listed exit codes as answers', async () => {
    const repo = gitRepo();
    const result = await runGit(repo, ['config', '--get', 'custodian.nothing'], { okExitCodes: [0, 1] });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('names a missing folder', async () => {
    const missing = join(tempDir(), 'gone');
    await expect(runGit(missing, ['status'])).rejects.toThrow(`cannot run git status: the folder ${missing} does not exist`);
  });
});

describe('gitEnvironment', () => {
  it('removes repository-locating variables and keeps the rest', () => {
    const env = gitEnvironment({
      PATH: '/bin',
      GIT_DIR: '/x/.git',
      GIT_WORK_TREE: '/x',
      GIT_INDEX_FILE: '/x/.git/index',
      GIT_OBJECT_DIRECTORY: '/x/objects',
      GIT_ALTERNATE_OBJECT_DIRECTORIES: '/y',
      GIT_COMMON_DIR: '/x/.git',
      GIT_PREFIX: 'sub/',
      GIT_NAMESPACE: 'ns',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.bare',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_AUTHOR_NAME: 'Someone',
      GIT_SSH_COMMAND: 'ssh -i key',
    });
    expect(env).toEqual({
      PATH: '/bin',
      GIT_AUTHOR_NAME: 'Someone',
      GIT_SSH_COMMAND: 'ssh -i key',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });
});

describe('parseGitConfig', () => {
  it('reads sections, subsections, quoting, escapes, comments and continuations', () => {
    const text = [
      '[core]',
      '\trepositoryformatversion = 0',
      '\tbare',
      '[remote "origin"] ; a comment',
      '\tURL = "https://example.org/a b.git" # trailing comment',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[remote "o\\"dd"]',
      '\turl = first \\',
      'second',
      '[Branch.Main]',
      '\tremote = origin',
      '',
    ].join('\n');
    expect(parseGitConfig(text)).toEqual([
      { section: 'core', subsection: null, name: 'repositoryformatversion', value: '0' },
      { section: 'core', subsection: null, name: 'bare', value: true },
      { section: 'remote', subsection: 'origin', name: 'url', value: 'https://example.org/a b.git' },
      { section: 'remote', subsection: 'origin', name: 'fetch', value: '+refs/heads/*:refs/remotes/origin/*' },
      { section: 'remote', subsection: 'o"dd', name: 'url', value: 'first second' },
      { section: 'branch', subsection: 'main', name: 'remote', value: 'origin' },
    ]);
  });

  it('gives up (null) on text it does not understand, so git is asked', () => {
    expect(parseGitConfig('url = before any section\n')).toBeNull();
    expect(parseGitConfig('[remote "origin"]\n\turl = "unterminated\n')).toBeNull();
  });
});
