// The git index reader on index files built byte by byte (the documented format), including the
// shapes git writes rarely or only with settings this machine's git lacks (index.skipHash, names
// of 4 KiB): what it reads, and every shape it must refuse rather than guess.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { indexedPaths } from '../../src/workspace/git-index.js';
import { configHashLength } from '../../src/workspace/index-listing.js';

interface Entry {
  path: string;
  mode?: number;
  /** v3+: the extended flags word (skip-worktree, intent-to-add). */
  extended?: boolean;
  /** The name length the flags claim, when not the real one. */
  claimedLength?: number;
}

interface Built {
  version?: number;
  entries: Entry[];
  extensions?: [string, Buffer][];
  hash?: 'sha1' | 'sha256' | 'zero' | 'wrong';
}

/** An index file as git writes it (gitformat-index), with the trailer asked for. */
function buildIndex({ version = 2, entries, extensions = [], hash = 'sha1' }: Built): Buffer {
  const hashLength = hash === 'sha256' ? 32 : 20;
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(entries.length, 8);
  parts.push(header);
  let previous = Buffer.alloc(0);
  for (const entry of entries) {
    const name = Buffer.from(entry.path);
    const fixed = Buffer.alloc(40 + hashLength + 2 + (entry.extended ? 2 : 0));
    fixed.writeUInt32BE(entry.mode ?? 0o100644, 24);
    fixed.fill(0xab, 40, 40 + hashLength);
    const length = entry.claimedLength ?? Math.min(name.length, 0xfff);
    fixed.writeUInt16BE((entry.extended ? 0x4000 : 0) | length, 40 + hashLength);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && common < name.length && previous[common] === name[common]) common++;
      parts.push(fixed, varint(previous.length - common), name.subarray(common), Buffer.alloc(1));
      previous = name;
    } else {
      const size = fixed.length + name.length;
      parts.push(fixed, name, Buffer.alloc(((size + 8) & ~7) - size));
    }
  }
  for (const [signature, data] of extensions) {
    const head = Buffer.alloc(8);
    head.write(signature, 0, 'latin1');
    head.writeUInt32BE(data.length, 4);
    parts.push(head, data);
  }
  const body = Buffer.concat(parts);
  const trailer =
    hash === 'zero' ? Buffer.alloc(20) : hash === 'wrong' ? Buffer.alloc(20, 1) : createHash(hash).update(body).digest();
  return Buffer.concat([body, trailer]);
}

/** git's offset varint, as varint.c writes it. */
function varint(value: number): Buffer {
  const bytes = [value & 0x7f];
  while ((value >>= 7)) bytes.unshift(0x80 | (--value & 0x7f));
  return Buffer.from(bytes);
}

const names = (paths: Uint8Array[] | null) => paths?.map((p) => Buffer.from(p).toString());

const ENTRIES: Entry[] = [
  { path: 'docs/tasks/t-1.md' },
  { path: 'workplans/a.md' },
  { path: 'workplans/a/b.md', extended: true },
  { path: 'workplans/ab.md', mode: 0o120000 },
  { path: 'workplans/sub', mode: 0o160000 },
  { path: 'workplans/ü.md' },
];

describe('indexedPaths reads', () => {
  it.each([2, 3, 4])('version %i, with links, gitlinks and extended flags', (version) => {
    const entries = version === 2 ? ENTRIES.map((e) => ({ ...e, extended: false })) : ENTRIES;
    expect(names(indexedPaths(buildIndex({ version, entries }), 20))).toEqual(ENTRIES.map((e) => e.path));
  });

  it('a SHA-256 repository’s index (32-byte names and trailer)', () => {
    const index = buildIndex({ version: 2, entries: [{ path: 'a.md' }, { path: 'b.md' }], hash: 'sha256' });
    expect(names(indexedPaths(index, 32))).toEqual(['a.md', 'b.md']);
    expect(indexedPaths(index, 20)).toBeNull();
  });

  it('a trailer of zeros (index.skipHash), and optional extensions it skips', () => {
    const index = buildIndex({ entries: [{ path: 'a.md' }], extensions: [['TREE', Buffer.alloc(25, 7)], ['UNTR', Buffer.alloc(0)]], hash: 'zero' });
    expect(names(indexedPaths(index, 20))).toEqual(['a.md']);
  });

  it('a name of 0xFFF bytes or more, whose length the flags cannot hold', () => {
    const long = `${'d/'.repeat(1000)}${'x'.repeat(2500)}.md`;
    expect(names(indexedPaths(buildIndex({ entries: [{ path: long }, { path: 'z.md' }] }), 20))).toEqual([long, 'z.md']);
    expect(names(indexedPaths(buildIndex({ version: 4, entries: [{ path: long }, { path: `${long}2` }] }), 20))).toEqual([long, `${long}2`]);
  });

  it('a path once per stage while it is in conflict, and an empty index', () => {
    const index = buildIndex({ entries: [{ path: 'a.md' }, { path: 'a.md' }, { path: 'a.md' }] });
    expect(names(indexedPaths(index, 20))).toEqual(['a.md', 'a.md', 'a.md']);
    expect(indexedPaths(buildIndex({ entries: [] }), 20)).toEqual([]);
  });
});

describe('indexedPaths refuses', () => {
  const good = buildIndex({ entries: [{ path: 'a.md' }, { path: 'b.md' }] });
  const cases: [string, Buffer][] = [
    ['a wrong checksum', buildIndex({ entries: [{ path: 'a.md' }], hash: 'wrong' })],
    ['a split index (link)', buildIndex({ entries: [{ path: 'a.md' }], extensions: [['link', Buffer.alloc(20)]] })],
    ['a sparse index (sdir)', buildIndex({ entries: [{ path: 'a.md' }], extensions: [['sdir', Buffer.alloc(0)]] })],
    ['a sparse folder entry', buildIndex({ version: 3, entries: [{ path: 'a.md' }, { path: 'other/', mode: 0o040000, extended: true }] })],
    ['a required extension it does not know', buildIndex({ entries: [{ path: 'a.md' }], extensions: [['abcd', Buffer.alloc(4)]] })],
    ['an extension running past the end', Buffer.concat([good.subarray(0, good.length - 20), Buffer.from('TREE\0\0\0\x40')])],
    ['version 5', buildIndex({ version: 5, entries: [{ path: 'a.md' }] })],
    ['version 1', buildIndex({ version: 1, entries: [{ path: 'a.md' }] })],
    ['extended flags in version 2', buildIndex({ version: 2, entries: [{ path: 'a.md', extended: true }] })],
    ['a name length the flags contradict', buildIndex({ entries: [{ path: 'a.md', claimedLength: 3 }] })],
    ['more entries counted than written', (() => { const b = Buffer.from(good); b.writeUInt32BE(3, 8); return reseal(b); })()],
    ['a signature other than DIRC', (() => { const b = Buffer.from(good); b.write('DIRX', 0, 'latin1'); return reseal(b); })()],
    ['a file shorter than a header', Buffer.from('DIRC')],
    ['an empty file', Buffer.alloc(0)],
    ['a version 4 name cutting more than the previous one had', reseal(patchVarint(buildIndex({ version: 4, entries: [{ path: 'ab.md' }, { path: 'ac.md' }] })))],
  ];
  it.each(cases)('%s', (_, index) => {
    expect(indexedPaths(index, 20)).toBeNull();
  });
});

/** `index` with its trailer made right again, so only the change under test is wrong. */
function reseal(index: Buffer): Buffer {
  const body = index.subarray(0, Math.max(index.length - 20, 0));
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** The second entry of a two-entry version 4 index told to cut 9 bytes of a 5-byte name. */
function patchVarint(index: Buffer): Buffer {
  const second = index.indexOf(0, 12 + 62 + 1) + 1; // after the first name's NUL
  const copy = Buffer.from(index);
  copy[second + 62] = 9;
  return copy;
}

describe('configHashLength', () => {
  it.each([
    ['[core]\n\trepositoryformatversion = 0\n\tbare = false\n', 20],
    ['[core]\n\tbare = no ; a comment\n# another\n[remote "origin"]\n\turl = x\n', 20],
    ['[core] bare = false\n', 20],
    ['[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectFormat = sha256\n', 32],
    ['[extensions]\n\tobjectformat = "sha1"\n', 20],
    ['', 20],
  ])('%j → %i', (config, expected) => {
    expect(configHashLength(config)).toBe(expected);
  });

  it.each([
    ['[core]\n\tbare = true\n'],
    ['[core]\n\tbare\n'],
    ['[core]\n\tworktree = /elsewhere\n'],
    ['[extensions]\n\tworktreeConfig = true\n'],
    ['[extensions]\n\tobjectFormat = sha512\n'],
    ['[include]\n\tpath = more.config\n'],
    ['[includeIf "gitdir:~/work/"]\n\tpath = work.config\n'],
    ['[core]\n\tbare = \\\nfalse\n'],
    ['[core\n'],
  ])('refuses %j', (config) => {
    expect(configHashLength(config)).toBeNull();
  });

  it('refuses no config at all', () => {
    expect(configHashLength(null)).toBeNull();
  });
});
