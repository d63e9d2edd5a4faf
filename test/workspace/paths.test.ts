import { symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pickHostPath, resolveCheckout } from '../../src/workspace/checkout.js';
import { compileInclude, includeBases, matchInclude } from '../../src/workspace/include.js';
import { cacheHome, repoCacheKey, resolveIndexPath } from '../../src/workspace/index-path.js';
import { slugFromName } from '../../src/workspace/slug.js';
import { DEFAULT_INCLUDE } from '../../src/workspace/types.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('include globs', () => {
  const paths = [
    'workplans/CUST-WP-0001.md',
    'workplans/2026/q1/CUST-WP-0002.md',
    'workplans/.drafts/CUST-WP-0003.md',
    'workplans/.template.md',
    'workplans/notes.txt',
    'docs/tasks/storage/T-1.md',
    'docs/guide.md',
    'goals/g1.md',
    'interface-changes/ic.md',
    'decisions/adr-1.md',
    'README.md',
  ];

  it('matches the default globs, skipping hidden files and folders', () => {
    expect(matchInclude(paths, DEFAULT_INCLUDE)).toEqual([
      'workplans/CUST-WP-0001.md',
      'workplans/2026/q1/CUST-WP-0002.md',
      'docs/tasks/storage/T-1.md',
      'goals/g1.md',
      'interface-changes/ic.md',
      'decisions/adr-1.md',
    ]);
  });

  it('matches hidden paths a glob names explicitly', () => {
    expect(matchInclude(paths, ['workplans/.drafts/*.md', 'README.md'])).toEqual(['workplans/.drafts/CUST-WP-0003.md', 'README.md']);
  });

  it('matches nothing with an empty include list, and compiles each glob set once', () => {
    expect(matchInclude(paths, [])).toEqual([]);
    expect(compileInclude(['a/**/*.md'])).toBe(compileInclude(['a/**/*.md']));
  });

  it('names the folder each glob starts from', () => {
    expect(includeBases(DEFAULT_INCLUDE)).toEqual(['decisions', 'docs/tasks', 'goals', 'interface-changes', 'workplans']);
    expect(includeBases(['**/*.md', 'README.md', 'docs/PLAN.md'])).toEqual(['', 'docs']);
  });
});

describe('slugFromName', () => {
  it('lowercases and replaces what a slug cannot hold', () => {
    expect(slugFromName('The-Custodian')).toBe('the-custodian');
    expect(slugFromName('My Repo.v2')).toBe('my-repo-v2');
    expect(slugFromName('Überprüfung_tool')).toBe('uberprufung_tool');
    expect(slugFromName('--x--')).toBe('x');
    expect(slugFromName('日本')).toBe('repo');
  });
});

describe('checkout resolution', () => {
  const repo = { path: '../the-repo', host_paths: { 'build-box-2': '/srv/src/the-repo', 'LAPTOP.example.org': '~/src/the-repo' } };

  it('uses the host path for this host, else path relative to the workspace', () => {
    expect(resolveCheckout(repo, '/ws/main', 'build-box-2', '/home/me')).toBe('/srv/src/the-repo');
    expect(resolveCheckout(repo, '/ws/main', 'other-host', '/home/me')).toBe('/ws/the-repo');
    expect(resolveCheckout({ path: '/abs/repo/', host_paths: {} }, '/ws', 'h', '/home/me')).toBe('/abs/repo');
  });

  it('matches a host name regardless of case and domain, and expands ~/', () => {
    expect(resolveCheckout(repo, '/ws', 'laptop', '/home/me')).toBe('/home/me/src/the-repo');
    expect(pickHostPath(repo.host_paths, 'laptop.example.org')).toBe('~/src/the-repo');
    expect(pickHostPath(repo.host_paths, 'build-box-2.lan')).toBe('/srv/src/the-repo');
    expect(pickHostPath(repo.host_paths, 'build-box')).toBeNull();
  });
});

describe('index path', () => {
  const base = { cwd: '/work/here', root: '/ws' };

  it('prefers --index, then CUSTODIAN_INDEX, both relative to the current folder', () => {
    const env = { CUSTODIAN_INDEX: 'env.sqlite' };
    expect(resolveIndexPath({ ...base, mode: 'workspace', index: 'flag.sqlite', env })).toBe('/work/here/flag.sqlite');
    expect(resolveIndexPath({ ...base, mode: 'single-repo', env })).toBe('/work/here/env.sqlite');
  });

  it('lives in .custodian/ inside a workspace', () => {
    expect(resolveIndexPath({ ...base, mode: 'workspace', env: {} })).toBe('/ws/.custodian/index.sqlite');
  });

  it('lives in the XDG cache in single-repo mode, keyed by the real path of the repo', () => {
    const repo = tempDir();
    const link = join(tempDir(), 'link');
    symlinkSync(repo, link);
    const key = createHash('sha256').update(repo).digest('hex').slice(0, 16);
    expect(repoCacheKey(link)).toBe(key);
    expect(resolveIndexPath({ cwd: '/', root: link, mode: 'single-repo', env: { XDG_CACHE_HOME: '/xdg', HOME: '/home/me' } })).toBe(
      `/xdg/custodian/${key}/index.sqlite`,
    );
    expect(resolveIndexPath({ cwd: '/', root: repo, mode: 'single-repo', env: { HOME: '/home/me' } })).toBe(
      `/home/me/.cache/custodian/${key}/index.sqlite`,
    );
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(cacheHome({ XDG_CACHE_HOME: 'relative/cache', HOME: '/home/me' })).toBe('/home/me/.cache');
  });
});
