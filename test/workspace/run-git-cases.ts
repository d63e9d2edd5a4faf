// The cases of git.test.ts (git started by the native addon) and git-node.test.ts (by
// child_process, as where the addon is not built): runGit answers and fails alike either way, with
// the same messages.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustodianError } from '../../src/errors.js';
import type * as Git from '../../src/workspace/git.js';
import { git, gitRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

export function describeRunGit(title: string, load: () => Promise<typeof Git>): void {
  afterAll(removeTempDirs);

  describe(title, () => {
    let runGit: typeof Git.runGit;
    let runGitBuffer: typeof Git.runGitBuffer;
    let GitError: typeof Git.GitError;
    beforeAll(async () => {
      ({ runGit, runGitBuffer, GitError } = await load());
    });

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
      const gitError = error as Git.GitError;
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

    it('stops git after its time limit, and says so', async () => {
      const repo = gitRepo();
      const args = ['-c', 'alias.slow=!sleep 1', 'slow'];
      await expect(runGit(repo, args, { timeoutMs: 100 })).rejects.toThrow(`git -c alias.slow=!sleep 1 slow in ${repo} was stopped (SIGTERM)`);
    });

    it('refuses output past its limit', async () => {
      const repo = gitRepo();
      const sha = (await runGit(repo, ['hash-object', '-w', '--stdin'], { input: 'x'.repeat(100) })).stdout.trim();
      await expect(runGitBuffer(repo, ['cat-file', 'blob', sha], { maxBuffer: 10 })).rejects.toThrow(`git cat-file blob ${sha} in ${repo}: output too large`);
      expect((await runGitBuffer(repo, ['cat-file', 'blob', sha], { maxBuffer: 100 })).stdout.length).toBe(100);
    });

    it('says git is missing when PATH has none', async () => {
      const repo = gitRepo();
      await expect(runGit(repo, ['status'], { env: { PATH: join(tempDir(), 'empty') } })).rejects.toThrow(`cannot run git: it is not installed or not on PATH (git status in ${repo})`);
    });

    it('feeds a large input while reading a large output', async () => {
      const repo = gitRepo();
      git(repo, ['config', 'core.bigFileThreshold', '100m']);
      const input = Buffer.alloc(3 * 1024 * 1024, 'y');
      const sha = (await runGit(repo, ['hash-object', '-w', '--stdin'], { input })).stdout.trim();
      const names = `${sha}\n`.repeat(4);
      const batch = await runGitBuffer(repo, ['cat-file', '--batch'], { input: names });
      expect(batch.stdout.length).toBe(4 * (`${sha} blob ${input.length}\n`.length + input.length + 1));
    });
  });
}
