// Reading the files in scope: never through a link out of the repo, never past the size cap.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readStagedBlobs, readWorkingFile, type ReadOutcome } from '../../src/check/sources.js';
import { contentHash } from '../../src/documents/text.js';
import { nativeAddon } from '../../src/native/addon.js';
import { readLooseObject } from '../../src/workspace/git-objects.js';
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
  const content = (read: ReadOutcome | null) => read?.text ?? read?.bytes?.toString();
  expect(content(readWorkingFile(repo, 'workplans/a.md'))).toBe('plain');
  // Through the addon where it is built: the text and the bytes' hash, no copy of the bytes.
  if (nativeAddon()?.readRegularFile) expect(readWorkingFile(repo, 'workplans/a.md')).toEqual({ text: 'plain', hash: contentHash(Buffer.from('plain')) });
  // A link is read the JavaScript way: the addon declines it.
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

test('staged blobs: read from the loose object store without git when their ids are known; packed or damaged ones through git', async () => {
  const repo = gitRepo({ 'workplans/a.md': 'committed\n', 'workplans/p.md': 'packed\n' });
  git(repo, ['gc', '-q']); // p.md's blob now lives in a pack only
  writeFileSync(join(repo, 'workplans/a.md'), 'staged\n');
  git(repo, ['add', 'workplans/a.md']);
  writeFileSync(join(repo, 'workplans/a.md'), 'working tree\n');
  const id = (path: string) => git(repo, ['rev-parse', `:${path}`]).trim();
  const ids = new Map(['workplans/a.md', 'workplans/p.md'].map((p) => [p, id(p)]));
  const loose = { commonDir: join(repo, '.git'), ids };
  expect(readLooseObject(loose.commonDir, ids.get('workplans/a.md')!, { maxBytes: 100 })).toEqual({ found: true, type: 'blob', size: 7, bytes: Buffer.from('staged\n') });
  expect(readLooseObject(loose.commonDir, ids.get('workplans/p.md')!, { maxBytes: 100 })).toBeNull();
  // Loose, and git cannot start: the blob is still read.
  const path = process.env.PATH;
  process.env.PATH = join(repo, 'no-such-folder');
  try {
    const blobs = await readStagedBlobs(repo, ['workplans/a.md'], repo, loose);
    expect(blobs.get('workplans/a.md')?.bytes?.toString()).toBe('staged\n');
  } finally {
    process.env.PATH = path;
  }
  // A loose file whose content does not hash to its name is not trusted: git is asked instead, and
  // its answer (cat-file does not check hashes) is the one reported.
  const file = join(repo, '.git/objects', ids.get('workplans/a.md')!.slice(0, 2), ids.get('workplans/a.md')!.slice(2));
  chmodSync(file, 0o644);
  writeFileSync(file, deflateSync('blob 6\0forged'));
  expect(readLooseObject(loose.commonDir, ids.get('workplans/a.md')!, { maxBytes: 100 })).toBeNull();
  const blobs = await readStagedBlobs(repo, ['workplans/a.md', 'workplans/p.md'], repo, loose);
  expect(blobs.get('workplans/p.md')?.bytes?.toString()).toBe('packed\n');
  expect(blobs.get('workplans/a.md')?.bytes?.toString()).toBe('forged');
});
