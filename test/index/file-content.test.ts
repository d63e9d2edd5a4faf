// A first sync reads each file through the addon (native/read_file.c) and the JavaScript way only
// when the addon declines it: both must give the same text, hash and stat numbers, and the addon
// must decline exactly what it cannot answer for (not text, not a regular file, too large), so
// that the JavaScript way reports it. Under CI=true the addon must have been built.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, decodeBytes, MAX_FILE_BYTES } from '../../src/documents/text.js';
import { readHashed } from '../../src/index/file-content.js';
import { nativeAddon } from '../../src/native/addon.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { announceMissingAddon } from '../helpers/native-addon.js';

afterAll(removeTempDirs);

const native = nativeAddon();
announceMissingAddon(native?.readRegularFile !== undefined);

/** What the JavaScript way makes of `bytes`: the text (BOM off) or null when it is not text. */
function decodedText(bytes: Buffer): string | null {
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded.text : null;
}

const cases: Record<string, number[] | string> = {
  empty: '',
  ascii: '---\nid: WP-1\n---\n# Title\n',
  'byte order mark': '\ufeff---\nid: WP-1\n---\n',
  'two byte order marks': '\ufeff\ufeffdone',
  'only a byte order mark': '\ufeff',
  'two-, three- and four-byte characters': 'é — 漢字 𝄞 at the end: 𝄞',
  'ascii runs across every alignment': 'a'.repeat(7) + 'é' + 'b'.repeat(9) + '€' + 'c'.repeat(15) + '𝄞',
  'NUL byte': [0x61, 0x00, 0x62],
  'NUL in a long ASCII run': [...Buffer.from('x'.repeat(20)), 0x00, ...Buffer.from('y'.repeat(20))],
  'lone continuation byte': [0x61, 0x80, 0x62],
  'overlong two-byte (C0 80)': [0xc0, 0x80],
  'overlong two-byte (C1 BF)': [0xc1, 0xbf],
  'overlong three-byte (E0 9F BF)': [0xe0, 0x9f, 0xbf],
  'surrogate (ED A0 80)': [0xed, 0xa0, 0x80],
  'last before surrogates (ED 9F BF)': [0xed, 0x9f, 0xbf],
  'overlong four-byte (F0 8F BF BF)': [0xf0, 0x8f, 0xbf, 0xbf],
  'past U+10FFFF (F4 90 80 80)': [0xf4, 0x90, 0x80, 0x80],
  'U+10FFFF (F4 8F BF BF)': [0xf4, 0x8f, 0xbf, 0xbf],
  'F5 lead byte': [0xf5, 0x80, 0x80, 0x80],
  'FF byte': [0x61, 0xff],
  'sequence cut at the end': [0x61, 0xe2, 0x82],
  'sequence cut by ASCII': [0xe2, 0x82, 0x61],
  'invalid byte after eight ASCII bytes': [...Buffer.from('12345678'), 0xfe],
};

describe.skipIf(!native?.readRegularFile)('reading a file through the addon', () => {
  const read = (path: string, noFollow: boolean, maxBytes: number) => native!.readRegularFile!(path, noFollow, maxBytes);

  it('gives decodeBytes’s text, the content hash and lstat’s numbers, or declines what is not text', () => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(cases)) {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      const file = join(dir, `${name}.md`);
      writeFileSync(file, bytes);
      const text = decodedText(bytes);
      const answer = read(file, true, MAX_FILE_BYTES);
      if (text === null) {
        expect(answer, name).toBeNull();
        continue;
      }
      const stats = lstatSync(file);
      expect(answer, name).toEqual({ text, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, sha256: contentHash(bytes) });
    }
  });

  it('declines exactly the byte sequences a fatal TextDecoder refuses (3,000 random ones)', () => {
    const dir = tempDir();
    // A lead byte and up to three more, each at an edge of UTF-8's ranges, so that most sequences are
    // near-misses; after ASCII of any length (the eight-byte ASCII steps meet them at every alignment).
    const leads = [0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    const trails = [0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0];
    // xorshift32: seeded, so a failure repeats.
    let seed = 2463534242;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>>= 0);
    };
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      const character = [leads[next() % leads.length], ...Array.from({ length: next() % 4 }, () => trails[next() % trails.length])];
      const bytes = Buffer.concat([Buffer.from('x'.repeat(next() % 10)), Buffer.from(character)]);
      const file = join(dir, `${i}.md`);
      writeFileSync(file, bytes);
      const text = decodedText(bytes);
      const answer = read(file, true, MAX_FILE_BYTES);
      expect(answer?.text ?? null, bytes.toString('hex')).toBe(text);
      if (text === null) declined++;
    }
    // Both kinds came up, or the comparison proved little.
    expect(declined).toBeGreaterThan(300);
    expect(declined).toBeLessThan(2700);
  });

  it('declines a link (not followed), a folder, a FIFO (without blocking), a missing file, a file over the cap and a path with a NUL', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.md'), 'text');
    symlinkSync('plain.md', join(dir, 'link.md'));
    mkdirSync(join(dir, 'folder.md'));
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    expect(read(join(dir, 'plain.md'), true, MAX_FILE_BYTES)?.text).toBe('text');
    expect(read(join(dir, 'link.md'), true, MAX_FILE_BYTES)).toBeNull();
    expect(read(join(dir, 'link.md'), false, MAX_FILE_BYTES)?.text).toBe('text');
    expect(read(join(dir, 'folder.md'), true, MAX_FILE_BYTES)).toBeNull();
    expect(read(join(dir, 'fifo.md'), true, MAX_FILE_BYTES)).toBeNull();
    expect(read(join(dir, 'missing.md'), true, MAX_FILE_BYTES)).toBeNull();
    expect(read(join(dir, 'plain.md'), true, 3)).toBeNull();
    expect(read(join(dir, 'plain.md'), true, 4)?.text).toBe('text');
    expect(read(`${join(dir, 'plain.md')}\0.ignored`, true, MAX_FILE_BYTES)).toBeNull();
  });

  it('refuses arguments of the wrong kind, saying what it takes', () => {
    const call = native!.readRegularFile! as (...args: unknown[]) => unknown;
    for (const args of [[1, true, 5], ['/tmp', 'yes', 5], ['/tmp', true, '5'], ['/tmp', true]]) {
      expect(() => call(...args), JSON.stringify(args)).toThrow('readRegularFile(path, noFollow, maxBytes)');
    }
  });

  it('a large file is read whole, and a smaller one after it is not given the larger one’s bytes', () => {
    const dir = tempDir();
    const large = 'ab'.repeat(600_000);
    writeFileSync(join(dir, 'large.md'), large);
    writeFileSync(join(dir, 'small.md'), 'xyz');
    expect(read(join(dir, 'large.md'), true, MAX_FILE_BYTES)?.text).toBe(large);
    expect(read(join(dir, 'small.md'), true, MAX_FILE_BYTES)).toMatchObject({ text: 'xyz', size: 3 });
  });
});

describe('readHashed', () => {
  it('gives what the JavaScript way gives: the same text or bytes, hash and stamp numbers, and the same problems', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.md'), '\ufeff# é\n');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x61, 0x00]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    symlinkSync('plain.md', join(dir, 'link.md'));
    mkdirSync(join(dir, 'folder.md'));
    const plain = readHashed(dir, 'plain.md');
    const stats = lstatSync(join(dir, 'plain.md'));
    expect(plain).toMatchObject({ ok: true, linked: false, hash: contentHash(readFileSync(join(dir, 'plain.md'))) });
    expect(plain?.ok && { size: plain.stats.size, mtimeMs: plain.stats.mtimeMs, ctimeMs: plain.stats.ctimeMs, ino: plain.stats.ino }).toEqual({
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      ctimeMs: stats.ctimeMs,
      ino: stats.ino,
    });
    // The content parses the same either way: text without the BOM, or the bytes with it.
    const content = plain?.ok ? plain.content : null;
    expect(typeof content === 'string' ? content : decodedText(Buffer.from(content!))).toBe('# é\n');
    // Not text: the bytes, for decodeBytes to say why.
    for (const name of ['binary.md', 'latin1.md']) {
      const read = readHashed(dir, name);
      expect(read?.ok && Buffer.from(read.content as Uint8Array)).toEqual(readFileSync(join(dir, name)));
    }
    expect(readHashed(dir, 'link.md')).toMatchObject({ ok: true, linked: true });
    expect(readHashed(dir, 'folder.md')).toBeNull();
    expect(readHashed(dir, 'missing.md')).toBeNull();
  });
});
