import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE } from '../../src/workspace/types.js';
import { commitAll, git, gitRepo, removeTempDirs, writeFiles } from '../helpers/git-repo.js';
import { cli, cliJson, read, repoIn, workspace } from './helpers.js';

afterAll(removeTempDirs);

const REGISTRY = `# registry
version: 1
domains:
  - slug: payments
    name: Payments
repos:
  - slug: site   # the website
    name: "Site"
    domain: payments
    path: repos/site

# end
`;

const rootCommit = (dir: string) => git(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
const withEntry = (entry: string) => REGISTRY.replace('    path: repos/site\n', `    path: repos/site\n${entry}`);

describe('repo add', () => {
  it('records the root commit (quoted) and the origin without its credentials', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const api = repoIn(root, 'repos/api', { 'README.md': 'api' }, { origin: 'https://bot:secret@Git.Example.org/org/api.git' });
    const sha = rootCommit(api);
    const { code, json, stderr } = cliJson(root, ['repo', 'add', 'api', '--path', 'repos/api', '--domain', 'payments', '--name', 'API: core', '--description', 'The API']);
    expect(code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(
      withEntry(
        [
          '  - slug: api',
          '    name: "API: core"',
          '    domain: payments',
          '    path: repos/api',
          '    remote_url: https://Git.Example.org/org/api.git',
          `    fingerprint: "${sha}"`,
          '    description: The API',
          '',
        ].join('\n'),
      ),
    );
    const warning = { code: 'credentials-removed', message: `the origin URL of ${api} carries credentials; recorded it without them` };
    expect(json).toEqual({
      schema_version: 1,
      kind: 'repo-add',
      repo: {
        slug: 'api',
        name: 'API: core',
        domain: 'payments',
        path: 'repos/api',
        checkout: api,
        host_paths: {},
        remote_url: 'https://Git.Example.org/org/api.git',
        fingerprint: sha,
        description: 'The API',
        status: 'active',
        include: [...DEFAULT_INCLUDE],
      },
      fingerprint_status: 'recorded',
      remote_url_source: 'origin',
      changed: true,
      dry_run: false,
      edits: [{ repo_slug: null, file: 'custodian.yaml', diff: expect.stringContaining(`+    fingerprint: "${sha}"\n`) }],
      warnings: [warning],
    });
    expect(stderr).toBe(`custodian: warning: ${warning.message}\n`);
  });

  it('records no fingerprint for a shallow clone, and says so', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const source = gitRepo({ 'a.txt': '1' });
    writeFiles(source, { 'a.txt': '2' });
    commitAll(source, 'second');
    git(root, ['clone', '-q', '--depth', '1', `file://${source}`, 'repos/shallow']);
    const result = cli(root, ['repo', 'add', 'shallow', '--path', 'repos/shallow', '--domain', 'payments']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is a shallow clone, so its root commit cannot be known there: no fingerprint recorded');
    expect(read(root, 'custodian.yaml')).toBe(
      withEntry(['  - slug: shallow', '    name: shallow', '    domain: payments', '    path: repos/shallow', `    remote_url: file://${source}`, ''].join('\n')),
    );
    // A second shallow clone (the first is registered now: its folder cannot be added twice).
    git(root, ['clone', '-q', '--depth', '1', `file://${source}`, 'repos/shallow2']);
    const json = cliJson(root, ['repo', 'add', 'shallow2', '--path', 'repos/shallow2', '--domain', 'payments', '--dry-run']).json;
    expect([json.fingerprint_status, json.repo.fingerprint, json.warnings.map((w: { code: string }) => w.code)]).toEqual(['shallow', null, ['shallow-clone']]);
  });

  it('records no fingerprint for a repository with no commits, and says so', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    repoIn(root, 'repos/empty', {}, { commit: false });
    const { code, json } = cliJson(root, ['repo', 'add', 'empty', '--path', 'repos/empty', '--domain', 'payments']);
    expect(code).toBe(0);
    expect([json.fingerprint_status, json.remote_url_source, json.warnings.map((w: { code: string }) => w.code)]).toEqual(['no-commits', null, ['no-commits']]);
    expect(read(root, 'custodian.yaml')).toBe(withEntry('  - slug: empty\n    name: empty\n    domain: payments\n    path: repos/empty\n'));
  });

  it('with several root commits records the one the first-parent history starts from', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const dir = repoIn(root, 'repos/multi', { 'a.txt': 'a' });
    const own = rootCommit(dir);
    git(dir, ['checkout', '-q', '--orphan', 'imported']);
    git(dir, ['rm', '-rqf', '.']);
    writeFiles(dir, { 'b.txt': 'b' });
    commitAll(dir, 'imported history', '2020-01-01T00:00:00Z');
    git(dir, ['checkout', '-q', 'main']);
    git(dir, ['merge', '-q', '--allow-unrelated-histories', '-m', 'merge imported', 'imported']);
    expect(git(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim().split('\n')).toHaveLength(2);
    const { json } = cliJson(root, ['repo', 'add', 'multi', '--path', 'repos/multi', '--domain', 'payments', '--dry-run']);
    expect(json.repo.fingerprint).toBe(own);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['several-roots']);
  });

  it('writes a path typed from a subfolder relative to the workspace, even when it does not exist yet', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    mkdirSync(join(root, 'sub'));
    const { code, json } = cliJson(join(root, 'sub'), ['repo', 'add', 'later', '--path', '../../elsewhere/later', '--domain', 'payments', '--allow-missing']);
    expect(code).toBe(0);
    expect([json.repo.path, json.fingerprint_status, json.remote_url_source]).toEqual(['../elsewhere/later', 'missing-checkout', null]);
    expect(read(root, 'custodian.yaml')).toBe(withEntry('  - slug: later\n    name: later\n    domain: payments\n    path: ../elsewhere/later\n'));
  });

  it('takes --remote-url and --fingerprint as given', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const sha = '1234567890'.repeat(4);
    const { json } = cliJson(root, ['repo', 'add', 'x', '--path', 'nowhere', '--domain', 'payments', '--remote-url', 'git@example.org:o/x.git', '--fingerprint', sha, '--allow-missing']);
    expect([json.fingerprint_status, json.remote_url_source, json.warnings.map((w: { code: string }) => w.code)]).toEqual(['given', 'given', ['missing-checkout']]);
    expect(read(root, 'custodian.yaml')).toContain(`    path: nowhere\n    remote_url: git@example.org:o/x.git\n    fingerprint: "${sha}"\n\n# end\n`);
  });

  it('refuses a bad slug or missing options (2), a slug in use or an unknown domain (1), changing nothing', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const cases: [string[], number, string][] = [
      [['repo', 'add', 'Bad Slug', '--path', 'x', '--domain', 'payments'], 2, 'usage'],
      [['repo', 'add', 'x', '--domain', 'payments'], 2, 'usage'],
      [['repo', 'add', 'x', '--path', 'x'], 2, 'usage'],
      [['repo', 'add', 'x', '--path', 'x', '--domain', 'payments', '--fingerprint', 'abc'], 2, 'usage'],
      [['repo', 'add', 'site', '--path', 'x', '--domain', 'payments'], 1, 'refused'],
      [['repo', 'add', 'x', '--path', 'x', '--domain', 'nope'], 1, 'not-found'],
    ];
    for (const [args, exit, errorCode] of cases) expect(cliJson(root, args)).toMatchObject({ code: exit, json: { kind: 'error', code: errorCode } });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });
});

describe('repo add refuses what would register a repository wrongly', () => {
  it('a path that does not exist (exit 1), unless --allow-missing', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const refused = cliJson(root, ['repo', 'add', 'typo', '--path', 'repos/ledgr', '--domain', 'payments', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ kind: 'error', code: 'refused', reason: 'missing-checkout' });
    expect(refused.json.message).toContain('does not exist on this host');
    expect(refused.json.message).toContain('--allow-missing');
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
    expect(cli(root, ['repo', 'add', 'typo', '--path', 'repos/ledgr', '--domain', 'payments', '--allow-missing']).code).toBe(0);
  });

  it('a checkout already registered under another slug: the same folder, or the same root commit', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const source = gitRepo({ 'a.txt': '1' });
    git(root, ['clone', '-q', `file://${source}`, 'repos/one']);
    git(root, ['clone', '-q', `file://${source}`, 'repos/two']);
    expect(cli(root, ['repo', 'add', 'one', '--path', 'repos/one', '--domain', 'payments']).code).toBe(0);
    const registered = read(root, 'custodian.yaml');
    const again = cliJson(root, ['repo', 'add', 'again', '--path', 'repos/one', '--domain', 'payments', '--json']);
    expect(again.code).toBe(1);
    expect(again.json).toMatchObject({ code: 'refused', reason: 'already-registered', repo_slug: 'one' });
    const clone = cliJson(root, ['repo', 'add', 'two', '--path', 'repos/two', '--domain', 'payments', '--json']);
    expect(clone.code).toBe(1);
    expect(clone.json).toMatchObject({ code: 'refused', reason: 'already-registered', repo_slug: 'one' });
    expect(clone.json.message).toContain('its root commit');
    expect(read(root, 'custodian.yaml')).toBe(registered);
  });
});
