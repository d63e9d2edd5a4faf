import { describe, expect, it } from 'vitest';
import { normaliseRemote, withoutCredentials } from '../../src/workspace/remote-url.js';

describe('normaliseRemote', () => {
  it('ignores a trailing .git and slashes, and the case of scheme and host (not of the path)', () => {
    const same = ['https://git.example.org/Org/Repo.git', 'HTTPS://Git.Example.ORG/Org/Repo', 'https://git.example.org/Org/Repo/', 'https://git.example.org/Org/Repo.git/'];
    expect(new Set(same.map(normaliseRemote))).toEqual(new Set(['https://git.example.org/Org/Repo']));
    expect(normaliseRemote('https://git.example.org/org/repo')).not.toBe(normaliseRemote('https://git.example.org/Org/Repo'));
  });

  it('ignores user info on web URLs but keeps the user of ssh and scp-like URLs', () => {
    expect(normaliseRemote('https://bot:token@git.example.org/org/repo.git')).toBe('https://git.example.org/org/repo');
    expect(normaliseRemote('ssh://git@Git.Example.org:2222/org/repo.git')).toBe('ssh://git@git.example.org:2222/org/repo');
    expect(normaliseRemote('git@GIT.example.org:org/repo.git/')).toBe('git@git.example.org:org/repo');
  });

  it('leaves local paths as paths', () => {
    expect(normaliseRemote('/srv/git/repo.git')).toBe('/srv/git/repo');
    expect(normaliseRemote('C:\\git\\repo.git')).toBe('C:\\git\\repo');
  });
});

describe('withoutCredentials', () => {
  it('removes user info from web URLs and passwords from any URL, keeping the rest as written', () => {
    expect(withoutCredentials('https://bot:tok@GitHub.com/Org/R.git')).toEqual({ url: 'https://GitHub.com/Org/R.git', removed: true });
    expect(withoutCredentials('https://tok@example.org/r')).toEqual({ url: 'https://example.org/r', removed: true });
    expect(withoutCredentials('ssh://git:pw@example.org/r')).toEqual({ url: 'ssh://git@example.org/r', removed: true });
  });

  it('keeps URLs without credentials byte for byte', () => {
    for (const url of ['git@example.org:org/r.git', 'ssh://git@example.org/r', 'https://example.org/r.git/', '/srv/r']) {
      expect(withoutCredentials(url)).toEqual({ url, removed: false });
    }
  });
});
