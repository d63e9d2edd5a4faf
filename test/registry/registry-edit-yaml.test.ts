// The pure registry transforms: exact bytes out, everything not edited kept.
import { describe, expect, it } from 'vitest';
import {
  DOMAIN_KEY_ORDER,
  REPO_KEY_ORDER,
  appendEntry,
  doubleQuoted,
  entriesWhere,
  entryIndex,
  locateEntry,
  setInMapping,
  setScalar,
} from '../../src/workspace/registry-edit-yaml.js';

const SHA = '0123456789012345678901234567890123456789';

describe('appendEntry', () => {
  it('turns the empty flow list init writes into a block list, keeping the comment on its line', () => {
    const text = 'version: 1\ndomains: [] # none yet\nrepos: []\n';
    expect(appendEntry(text, 'domains', { slug: 'pay', name: 'Payments' })).toBe(
      'version: 1\ndomains: # none yet\n  - slug: pay\n    name: Payments\nrepos: []\n',
    );
  });

  it('appends after the last entry, before the comments and blank lines that follow it', () => {
    const text = [
      'version: 1',
      'domains:',
      '    # the first one',
      '    - slug: a   # keep me',
      '      name: "A"',
      '',
      '# repos below',
      'repos: []',
      '',
    ].join('\n');
    expect(appendEntry(text, 'domains', { slug: 'b', name: 'B: the second', description: 'yes' })).toBe(
      [
        'version: 1',
        'domains:',
        '    # the first one',
        '    - slug: a   # keep me',
        '      name: "A"',
        '    - slug: b',
        '      name: "B: the second"',
        '      description: yes',
        '',
        '# repos below',
        'repos: []',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line endings', () => {
    const text = 'version: 1\r\ndomains: []\r\nrepos: []\r\n';
    expect(appendEntry(text, 'domains', { slug: 'a', name: 'A' })).toBe('version: 1\r\ndomains:\r\n  - slug: a\r\n    name: A\r\nrepos: []\r\n');
  });

  it('starts a list in an empty file (a new custodian.local.yaml)', () => {
    expect(appendEntry('', 'repos', { slug: 'api' })).toBe('repos:\n  - slug: api\n');
  });

  it('appends to a flow list that has entries in flow style', () => {
    expect(appendEntry('version: 1\ndomains: [{slug: a, name: A}]\n', 'domains', { slug: 'b', name: 'B' })).toBe(
      'version: 1\ndomains: [{slug: a, name: A}, {slug: b, name: B}]\n',
    );
  });
});

describe('setScalar', () => {
  const text = 'repos:\n  - slug: api # the API\n    name: API\n    domain: pay\n    path: ../api\n    description: old\n';

  it('replaces a value in place, keeping the comment and the style of the rest', () => {
    expect(setScalar(text, ['repos', 0, 'domain'], 'money')).toBe(text.replace('domain: pay', 'domain: money'));
  });

  it('inserts a missing key after its nearest predecessor in the canonical order', () => {
    expect(setScalar(text, ['repos', 0, 'remote_url'], 'https://example.org/api.git', { order: REPO_KEY_ORDER })).toBe(
      text.replace('    path: ../api\n', '    path: ../api\n    remote_url: https://example.org/api.git\n'),
    );
    expect(setScalar(text, ['repos', 0, 'status'], 'archived', { order: REPO_KEY_ORDER })).toBe(`${text}    status: archived\n`);
  });

  it('writes a fingerprint double-quoted, even one made only of digits', () => {
    const next = setScalar(text, ['repos', 0, 'fingerprint'], SHA, { order: REPO_KEY_ORDER, quote: 'double' });
    expect(next).toBe(text.replace('    path: ../api\n', `    path: ../api\n    fingerprint: "${SHA}"\n`));
  });

  it('re-quotes an existing plain fingerprint when it is replaced', () => {
    const plain = `repos:\n  - slug: api\n    fingerprint: ${'a'.repeat(40)} # root\n`;
    expect(setScalar(plain, ['repos', 0, 'fingerprint'], 'b'.repeat(40), { quote: 'double' })).toBe(
      `repos:\n  - slug: api\n    fingerprint: "${'b'.repeat(40)}" # root\n`,
    );
  });

  it('inserts a domain status after description, or after name when there is no description', () => {
    const domains = 'domains:\n  - slug: a\n    name: A\n  - slug: b\n    name: B\n    description: bee\n    x-owner: me\n';
    const once = setScalar(domains, ['domains', 0, 'status'], 'archived', { order: DOMAIN_KEY_ORDER });
    expect(setScalar(once, ['domains', 1, 'status'], 'archived', { order: DOMAIN_KEY_ORDER })).toBe(
      'domains:\n  - slug: a\n    name: A\n    status: archived\n  - slug: b\n    name: B\n    description: bee\n    status: archived\n    x-owner: me\n',
    );
  });
});

describe('doubleQuoted', () => {
  it('leaves a double-quoted value alone and rewrites a single-quoted one', () => {
    expect(doubleQuoted(`fingerprint: "${SHA}"\n`, ['fingerprint'])).toBe(`fingerprint: "${SHA}"\n`);
    expect(doubleQuoted(`fingerprint: '${SHA}'\n`, ['fingerprint'])).toBe(`fingerprint: "${SHA}"\n`);
  });
});

describe('setInMapping', () => {
  const text = 'repos:\n  - slug: api\n    name: API\n    domain: pay\n    path: ../api\n    remote_url: u\n';

  it('inserts a missing host_paths mapping as a block after path', () => {
    expect(setInMapping(text, ['repos', 0, 'host_paths'], 'build-box', '/srv/api', REPO_KEY_ORDER)).toBe(
      text.replace('    path: ../api\n', '    path: ../api\n    host_paths:\n      build-box: /srv/api\n'),
    );
  });

  it('adds to and replaces in an existing host_paths mapping', () => {
    const once = setInMapping(text, ['repos', 0, 'host_paths'], 'a', '/one', REPO_KEY_ORDER);
    const twice = setInMapping(once, ['repos', 0, 'host_paths'], 'b.example.org', '~/two', REPO_KEY_ORDER);
    expect(setInMapping(twice, ['repos', 0, 'host_paths'], 'a', '/three', REPO_KEY_ORDER)).toBe(
      text.replace('    path: ../api\n', '    path: ../api\n    host_paths:\n      a: /three\n      b.example.org: ~/two\n'),
    );
  });

  it('writes a flow mapping inside a flow entry, with CRLF kept', () => {
    expect(setInMapping('repos:\r\n  - {slug: api, path: x}\r\n', ['repos', 0, 'host_paths'], 'h', '/p', REPO_KEY_ORDER)).toBe(
      'repos:\r\n  - {slug: api, path: x, host_paths: {h: /p}}\r\n',
    );
  });

  it('refuses when host_paths holds something other than a mapping', () => {
    expect(() => setInMapping('repos:\n  - slug: api\n    host_paths: nope\n', ['repos', 0, 'host_paths'], 'h', '/p', REPO_KEY_ORDER)).toThrow(
      /not a mapping/,
    );
  });
});

describe('finding entries', () => {
  const main = 'domains:\n  - slug: a\n    name: A\nrepos:\n  - slug: r1\n    domain: a\n  - slug: r2\n    domain: b\n  - slug: r3\n    domain: a\n';
  const local = 'repos:\n  - slug: only-here\n    domain: a\n';

  it('finds entries by slug, custodian.yaml first', () => {
    expect(entryIndex(main, 'repos', 'r2')).toBe(1);
    expect(entryIndex(main, 'repos', 'nope')).toBe(-1);
    expect(locateEntry({ main, local }, 'repos', 'r3')).toEqual({ file: 'main', index: 2 });
    expect(locateEntry({ main, local }, 'repos', 'only-here')).toEqual({ file: 'local', index: 0 });
    expect(locateEntry({ main, local: null }, 'repos', 'only-here')).toBeNull();
  });

  it('lists the repos of a domain', () => {
    expect(entriesWhere(main, 'repos', 'domain', 'a')).toEqual([0, 2]);
  });
});
