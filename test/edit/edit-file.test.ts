import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  editTextFile,
  readTextFile,
  setYamlValueInRegion,
  contentHash,
  writeFileAtomic,
  yamlSetValue,
} from '../../src/edit/index.js';
import { CustodianError } from '../../src/errors.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { blockTarget, frontmatterRegion } from './fixtures.js';

afterAll(removeTempDirs);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function rejection(promise: Promise<unknown>): Promise<CustodianError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CustodianError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with a CustodianError');
}

const WORKPLAN_CRLF = [
  '---',
  'id: DOCS-WP-0002',
  'status: active   # until the review lands',
  'updated: "2026-03-01"',
  '---',
  '## D1 — Review the glossary',
  '',
  '> ```task',
  '> id: DOCS-WP-0002-T01',
  "> title: 'Review: glossary'",
  '> ```',
  '',
].join('\r\n');

describe('readTextFile', () => {
  test('BOM-less text, BOM flag, dominant line ending and the hash of the bytes', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.md');
    const bytes = Buffer.concat([BOM, Buffer.from('a: 1\r\nb: 2\r\nc: 3\n', 'utf8')]);
    writeFileSync(path, bytes);
    const file = await readTextFile(path);
    expect(file).toMatchObject({ path, text: 'a: 1\r\nb: 2\r\nc: 3\n', bom: true, eol: '\r\n' });
    expect(file.hash).toBe(contentHash(bytes));
    expect(file.bytes.equals(bytes)).toBe(true);
  });
});

describe('editTextFile', () => {
  test('BOM and every CRLF kept through a value change and a key insert in a block-quoted task', async () => {
    const dir = tempDir();
    const path = join(dir, 'DOCS-WP-0002.md');
    writeFileSync(path, Buffer.concat([BOM, Buffer.from(WORKPLAN_CRLF, 'utf8')]));
    const outcome = await editTextFile(path, (file) => [
      ...setYamlValueInRegion(file.text, { kind: 'frontmatter', region: frontmatterRegion(file.text) }, ['status'], 'completed'),
      ...setYamlValueInRegion(file.text, { kind: 'block', ...blockTarget(file.text, '> ') }, ['status'], 'done'),
    ]);
    const expected = WORKPLAN_CRLF.replace('status: active   #', 'status: completed   #').replace(
      "> title: 'Review: glossary'\r\n",
      "> title: 'Review: glossary'\r\n> status: done\r\n",
    );
    const written = readFileSync(path);
    expect(written.subarray(0, 3).equals(BOM)).toBe(true);
    expect(written.subarray(3).toString('utf8')).toBe(expected);
    expect(/(?<!\r)\n/.test(written.toString('utf8'))).toBe(false);
    expect(outcome).toMatchObject({ path, changed: true, before: WORKPLAN_CRLF, after: expected, skipped: [] });
    expect(outcome.hash).toBe(contentHash(written));
    expect(outcome.diff).toBe(
      [
        `--- a/${relative(process.cwd(), path)}`,
        `+++ b/${relative(process.cwd(), path)}`,
        '@@ -1,6 +1,6 @@',
        ' ---',
        ' id: DOCS-WP-0002',
        '-status: active   # until the review lands',
        '+status: completed   # until the review lands',
        ' updated: "2026-03-01"',
        ' ---',
        ' ## D1 — Review the glossary',
        '@@ -8,4 +8,5 @@',
        ' > ```task',
        ' > id: DOCS-WP-0002-T01',
        " > title: 'Review: glossary'",
        '+> status: done',
        ' > ```',
        '',
      ].join('\n'),
    );
  });

  test('no edits: unchanged, nothing written', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: done\n');
    const before = statSync(path).mtimeMs;
    const outcome = await editTextFile(path, (file) => yamlSetValue(file.text, ['status'], 'done'));
    expect(outcome).toMatchObject({ changed: false, diff: '' });
    expect(statSync(path).mtimeMs).toBe(before);
  });

  test('dry run: the diff, no write', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: todo\n');
    const outcome = await editTextFile(path, (file) => yamlSetValue(file.text, ['status'], 'done'), { dryRun: true, diffLabel: 'a.yaml' });
    expect(outcome.diff).toBe('--- a/a.yaml\n+++ b/a.yaml\n@@ -1 +1 @@\n-status: todo\n+status: done\n');
    expect(outcome.after).toBe('status: done\n');
    expect(readFileSync(path, 'utf8')).toBe('status: todo\n');
  });

  test('verify returning a message refuses the edit; the file is untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: todo\n');
    const error = await rejection(
      editTextFile(path, () => [{ start: 0, end: 0, text: 'broken: [\n' }], { verify: (text) => (text.includes('[\n') ? 'unclosed list' : null) }),
    );
    expect(error.code).toBe('refused');
    expect(error.message).toContain('unclosed list');
    expect(readFileSync(path, 'utf8')).toBe('status: todo\n');
  });

  test('invalid UTF-8 is refused before any edit is computed, and never written', async () => {
    const dir = tempDir();
    const path = join(dir, 'latin1.md');
    const bytes = Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]); // "id: é" in Latin-1
    writeFileSync(path, bytes);
    let called = false;
    const error = await rejection(
      editTextFile(path, () => {
        called = true;
        return [];
      }),
    );
    expect(error.code).toBe('refused');
    expect(error.details).toMatchObject({ reason: 'invalid-utf8' });
    expect(called).toBe(false);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['latin1.md']);
  });

  test('a file that changed since the caller read it (expectedHash) is a conflict', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: todo\n');
    const seen = (await readTextFile(path)).hash;
    writeFileSync(path, 'status: blocked\n');
    const error = await rejection(editTextFile(path, (f) => yamlSetValue(f.text, ['status'], 'done'), { expectedHash: seen }));
    expect(error.code).toBe('conflict');
    expect(readFileSync(path, 'utf8')).toBe('status: blocked\n');
  });

  test('a file changed by someone else during the edit is a conflict: their bytes stay, no temp file is left', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: todo\n');
    const error = await rejection(
      editTextFile(path, (file) => {
        writeFileSync(path, 'status: blocked # an editor saved this\n');
        return yamlSetValue(file.text, ['status'], 'done');
      }),
    );
    expect(error.code).toBe('conflict');
    expect(readFileSync(path, 'utf8')).toBe('status: blocked # an editor saved this\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  test('concurrent edits in one process never lose an update', async () => {
    const dir = tempDir();
    const path = join(dir, 'counter.yaml');
    writeFileSync(path, 'count: 0\n');
    const increment = () =>
      editTextFile(path, async (file) => {
        const count = Number(/count: (\d+)/.exec(file.text)![1]);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return yamlSetValue(file.text, ['count'], count + 1);
      }, { lock: { lockDir: join(dir, 'locks') } });
    await Promise.all(Array.from({ length: 8 }, increment));
    expect(readFileSync(path, 'utf8')).toBe('count: 8\n');
  });
});

describe('writeFileAtomic', () => {
  test('conflict when the file was modified after it was read: modified file untouched, no temp file', async () => {
    const dir = tempDir();
    const path = join(dir, 'custodian.yaml');
    writeFileSync(path, 'version: 1\n');
    const read = await readTextFile(path);
    writeFileSync(path, 'version: 1\ndomains: []\n');
    const error = await rejection(writeFileAtomic(path, 'version: 2\n', { expectedHash: read.hash }));
    expect(error.code).toBe('conflict');
    expect(readFileSync(path, 'utf8')).toBe('version: 1\ndomains: []\n');
    expect(readdirSync(dir)).toEqual(['custodian.yaml']);
  });

  test('a deleted file is a conflict too', async () => {
    const dir = tempDir();
    const error = await rejection(writeFileAtomic(join(dir, 'gone.md'), 'x', { expectedHash: contentHash(Buffer.from('x')) }));
    expect(error.code).toBe('conflict');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('keeps the file mode, and writes through a symbolic link to its target', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.md');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    symlinkSync('plan.md', join(dir, 'link.md'));
    await writeFileAtomic(join(dir, 'link.md'), 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'plan.md']);
  });

  test('creates a file that does not exist yet', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'new.md'), 'hello\n');
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('hello\n');
    expect(readdirSync(dir)).toEqual(['new.md']);
  });
});

describe('file-system failures are typed errors', () => {
  test('a missing file is not-found; a write that the file system rejects is refused', async () => {
    const dir = tempDir();
    expect((await rejection(readTextFile(join(dir, 'missing.md')))).code).toBe('not-found');
    writeFileSync(join(dir, 'plain-file'), 'x');
    const error = await rejection(writeFileAtomic(join(dir, 'plain-file', 'plan.md'), 'x'));
    expect(error.code).toBe('refused');
    expect(error.details).toMatchObject({ reason: 'ENOTDIR' });
    expect(readdirSync(dir)).toEqual(['plain-file']);
  });
});
