// The cases of git-batch.test.ts (the shell started by the native addon) and
// git-batch-node.test.ts (started by child_process, as where the addon is not built): git calls
// made in one turn share one shell (src/workspace/git-batch.ts), and each still answers as if it
// ran alone, each with its own index file when it names one (a commit hook's temporary index),
// whatever characters that file's path holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { batchedGit as BatchedGit } from '../../src/workspace/git-batch.js';
import { git, gitRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

const staged = ['diff', '--cached', '--name-only', '-z'];

export function describeBatchedGit(title: string, load: () => Promise<typeof BatchedGit>): void {
  afterAll(removeTempDirs);

  describe(title, () => {
    let batchedGit: typeof BatchedGit;
    beforeAll(async () => {
      batchedGit = await load();
    });

    it('answer each with its own index file, or git’s own', async () => {
      const repo = gitRepo({ 'a.md': 'a\n' });
      writeFileSync(join(repo, 'b.md'), 'b\n');
      writeFileSync(join(repo, 'c.md'), 'c\n');
      git(repo, ['add', 'b.md']);
      // A second index, as `git commit -a` hands its hook: it stages c.md instead.
      const folder = join(tempDir(), `odd "$HOME" 'quoted' \`dir\``);
      mkdirSync(folder);
      const other = join(folder, 'index');
      git(repo, ['read-tree', 'HEAD'], { GIT_INDEX_FILE: other });
      git(repo, ['add', 'c.md'], { GIT_INDEX_FILE: other });

      const answers = await Promise.all([batchedGit(repo, staged), batchedGit(repo, staged, { indexFile: other }), batchedGit(repo, ['ls-files', '-z'])]);
      expect(answers.map((b) => b.toString('utf8'))).toEqual(['b.md\0', 'c.md\0', 'a.md\0b.md\0']);
    });

    it('answer the others when one call’s arguments cannot be passed to a process at all (a NUL byte)', async () => {
      const repo = gitRepo({ 'a.md': 'a\n' });
      const results = await Promise.allSettled([batchedGit(repo, ['ls-files', '-z']), batchedGit(repo, ['ls-files', '-z', '--', 'a\0b'])]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: Buffer.from('a.md\0') });
      expect(results[1].status).toBe('rejected');
    });

    it('report a failing call with git’s own error, and answer the others', async () => {
      const repo = gitRepo({ 'a.md': 'a\n' });
      const results = await Promise.allSettled([batchedGit(repo, ['ls-files', '-z']), batchedGit(repo, ['rev-parse', '--verify', 'no-such-ref'])]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: Buffer.from('a.md\0') });
      expect(results[1].status).toBe('rejected');
      expect(String((results[1] as PromiseRejectedResult).reason.stderr)).toContain('fatal');
    });

    it('answer a call made alone', async () => {
      const repo = gitRepo({ 'a.md': 'a\n' });
      expect(await batchedGit(repo, ['ls-files', '-z'])).toEqual(Buffer.from('a.md\0'));
      await expect(batchedGit(repo, ['rev-parse', '--verify', 'no-such-ref'])).rejects.toMatchObject({ stderr: expect.stringContaining('fatal') });
    });
  });
}
