// Reading the files in scope: never through a link out of the repo, never past the size cap.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readStagedBlobs, readWorkingFile } from '../../src/check/sources.js';
import { git, gitRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

test('working tree: files, links inside the repo, links out of it, folders, missing files, the size cap', () => {
  const repo = tempDir();
  const outside = tempDir();
  writeFileSync(join(outside, 'secret.md'), '---\nid: S\n---\n');
  mkdirSync(join(repo, 'workplans'));
  writeFileSync(join(repo, 'workplans', 'a.md'), 'plain');
  symlinkSync(join(repo, 'workplans', 'a.md'), join(repo, 'workplans', 'inside.md'));
  symlinkSync(join(outside, 'secret.md'), join(repo, 'workplans', 'outside.md'));
  writeFileSync(join(repo, 'workplans', 'big.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  expect(readWorkingFile(repo, 'workplans/a.md')?.bytes?.toString()).toBe('plain');
  expect(readWorkingFile(repo, 'workplans/inside.md')?.bytes?.toString()).toBe('plain');
  expect(readWorkingFile(repo, 'workplans/outside.md')).toEqual({ bytes: null, problem: 'symbolic link leading out of the repository' });
  expect(readWorkingFile(repo, 'workplans/big.md')).toEqual({ bytes: null, problem: 'file is 5242881 bytes, over the 5242880-byte size cap' });
  expect(readWorkingFile(repo, 'workplans')).toBeNull();
  expect(readWorkingFile(repo, 'workplans/gone.md')).toBeNull();
});

test('staged blobs: one batch, exact bytes, each path its own blob', async () => {
  const repo = gitRepo({ 'workplans/a.md': 'committed\n', 'workplans/b b.md': 'other\r\n' });
  writeFileSync(join(repo, 'workplans/a.md'), 'staged\n');
  git(repo, ['add', 'workplans/a.md']);
  writeFileSync(join(repo, 'workplans/a.md'), 'working tree\n');
  const blobs = await readStagedBlobs(repo, ['workplans/a.md', 'workplans/b b.md', 'workplans/none.md'], repo);
  expect(blobs.get('workplans/a.md')?.bytes?.toString()).toBe('staged\n');
  expect(blobs.get('workplans/b b.md')?.bytes?.toString()).toBe('other\r\n');
  expect(blobs.get('workplans/none.md')?.bytes).toBeNull();
});
