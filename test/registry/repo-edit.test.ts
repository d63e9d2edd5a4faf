import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/git-repo.js';
import { cli, cliJson, crlf, read, repoIn, workspace } from './helpers.js';

afterAll(removeTempDirs);

const REGISTRY = `# registry
version: 1
domains:
  - slug: payments
    name: Payments
  - slug: docs
    name: Docs
repos:
  - slug: site   # the website
    name: "Site"
    domain: payments
    path: repos/site
    description: 'Public pages'

  - slug: api
    name: API
    domain: payments
    path: repos/api
    remote_url: https://git.example.org/org/api.git
    fingerprint: "${'ab'.repeat(20)}"
`;

const SHA = '1234567890'.repeat(4);

describe('repo update', () => {
  it('changes values in place and inserts missing keys in order, keeping CRLF, comments and quoting', () => {
    const root = workspace({ 'custodian.yaml': crlf(REGISTRY) });
    const { code, json } = cliJson(root, [
      'repo', 'update', 'site', '--name', 'Web site', '--domain', 'docs', '--remote-url', 'https://example.org/site.git', '--fingerprint', SHA, '--description', 'Pages',
    ]);
    expect(code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(
      crlf(
        REGISTRY.replace(
          '    name: "Site"\n    domain: payments\n    path: repos/site\n    description: \'Public pages\'\n',
          `    name: "Web site"\n    domain: docs\n    path: repos/site\n    remote_url: https://example.org/site.git\n    fingerprint: "${SHA}"\n    description: 'Pages'\n`,
        ),
      ),
    );
    expect(json).toMatchObject({
      schema_version: 1,
      kind: 'repo-update',
      repo: { slug: 'site', name: 'Web site', domain: 'docs', fingerprint: SHA, remote_url: 'https://example.org/site.git', description: 'Pages' },
      changed: true,
      dry_run: false,
      warnings: [],
    });
  });

  it('writes a path typed from a subfolder relative to the workspace', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY, 'sub/.keep': '' });
    expect(cli(join(root, 'sub'), ['repo', 'update', 'api', '--path', '../checkouts/api']).code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY.replace('    path: repos/api\n', '    path: checkouts/api\n'));
  });

  it('refuses an unknown repo or domain (1) and an update with nothing to change (2)', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    expect(cliJson(root, ['repo', 'update', 'nope', '--name', 'x'])).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(cliJson(root, ['repo', 'update', 'site', '--domain', 'nope'])).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(cliJson(root, ['repo', 'update', 'site'])).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('warns when custodian.local.yaml overrides the new value on this machine', () => {
    const local = 'repos:\n  - slug: api\n    path: /mine/api\n';
    const root = workspace({ 'custodian.yaml': REGISTRY, 'custodian.local.yaml': local });
    const { code, json } = cliJson(root, ['repo', 'update', 'api', '--path', 'repos/api2']);
    expect(code).toBe(0);
    expect(json.warnings).toEqual([
      { code: 'overridden-locally', message: 'custodian.local.yaml sets path of repo api ("/mine/api"), which overrides the new value on this machine' },
    ]);
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY.replace('    path: repos/api\n', '    path: repos/api2\n'));
    expect(read(root, 'custodian.local.yaml')).toBe(local);
  });
});

describe('repo archive', () => {
  it('sets status: archived after the description, once', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    expect(cli(root, ['repo', 'archive', 'site']).stdout).toBe('archived repo site\n');
    const archived = REGISTRY.replace("    description: 'Public pages'\n", "    description: 'Public pages'\n    status: archived\n");
    expect(read(root, 'custodian.yaml')).toBe(archived);
    expect(cliJson(root, ['repo', 'archive', 'site'])).toMatchObject({ code: 0, json: { kind: 'repo-archive', changed: false, edits: [], repo: { status: 'archived' } } });
    expect(read(root, 'custodian.yaml')).toBe(archived);
  });
});

describe('repo path', () => {
  it('adds host_paths to custodian.yaml after path, then more hosts to it', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const { code, json } = cliJson(root, ['repo', 'path', 'api', 'build-box', '/srv/api']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'repo-path', host: 'build-box', path: '/srv/api', file: 'custodian.yaml', changed: true });
    expect(cli(root, ['repo', 'path', 'api', 'laptop.example.org', '~/src/api']).code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(
      REGISTRY.replace('    path: repos/api\n', '    path: repos/api\n    host_paths:\n      build-box: /srv/api\n      laptop.example.org: ~/src/api\n'),
    );
  });

  it('--local creates custodian.local.yaml with just the repo and its host path, and show resolves the checkout', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const elsewhere = repoIn(root, 'elsewhere/api', { 'README.md': 'x' });
    const host = hostname();
    const { code, json } = cliJson(root, ['repo', 'path', 'api', host, elsewhere, '--local']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ file: 'custodian.local.yaml', changed: true, edits: [{ repo_slug: null, file: 'custodian.local.yaml' }] });
    expect(read(root, 'custodian.local.yaml')).toBe(`repos:\n  - slug: api\n    host_paths:\n      ${host}: ${elsewhere}\n`);
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
    const shown = cliJson(root, ['repo', 'show', 'api']).json;
    expect(shown).toEqual({
      schema_version: 1,
      kind: 'repo',
      repo: expect.objectContaining({
        slug: 'api',
        path: 'repos/api',
        checkout: elsewhere,
        host_paths: { [host]: elsewhere },
        hostname: host,
        checkout_from: 'host_paths',
        checkout_exists: true,
      }),
    });
    const site = cliJson(root, ['repo', 'show', 'site']).json.repo;
    expect([site.checkout, site.checkout_from, site.checkout_exists]).toEqual([join(root, 'repos/site'), 'path', false]);
  });

  it('--local merges into an existing custodian.local.yaml, keeping its comments', () => {
    const withEntry = '# mine\nrepos:\n  - slug: site\n    name: Site here # local name\n';
    const root = workspace({ 'custodian.yaml': REGISTRY, 'custodian.local.yaml': withEntry });
    expect(cli(root, ['repo', 'path', 'site', 'box2', '/x', '--local']).code).toBe(0);
    expect(read(root, 'custodian.local.yaml')).toBe(`${withEntry}    host_paths:\n      box2: /x\n`);
    expect(cli(root, ['repo', 'path', 'api', 'box2', '/y', '--local']).code).toBe(0);
    expect(read(root, 'custodian.local.yaml')).toBe(`${withEntry}    host_paths:\n      box2: /x\n  - slug: api\n    host_paths:\n      box2: /y\n`);

    const rulesOnly = '# mine\nrules:\n  file/id-mismatch: off\n';
    const other = workspace({ 'custodian.yaml': REGISTRY, 'custodian.local.yaml': rulesOnly });
    expect(cli(other, ['repo', 'path', 'site', 'box', '/x', '--local']).code).toBe(0);
    expect(read(other, 'custodian.local.yaml')).toBe(`${rulesOnly}repos:\n  - slug: site\n    host_paths:\n      box: /x\n`);
  });
});

describe('repo list, show and find', () => {
  const root = workspace({ 'custodian.yaml': REGISTRY });

  it('lists every repo or those of one domain', () => {
    expect(cliJson(root, ['repo', 'list']).json.items.map((r: { slug: string }) => r.slug)).toEqual(['site', 'api']);
    expect(cli(root, ['repo', 'list', '--domain', 'payments']).stdout).toBe('site  payments  active    repos/site\napi   payments  active    repos/api\n');
    expect(cliJson(root, ['repo', 'list', '--domain', 'docs']).json).toEqual({ schema_version: 1, kind: 'repo-list', items: [] });
    expect(cliJson(root, ['repo', 'list', '--domain', 'nope']).code).toBe(1);
  });

  it('finds repos by fingerprint (full or prefix) and by remote, normalised', () => {
    const found = cliJson(root, ['repo', 'find', '--fingerprint', 'AB'.repeat(20)]);
    expect(found.code).toBe(0);
    expect(found.json).toMatchObject({ schema_version: 1, kind: 'repo-find', query: { fingerprint: 'AB'.repeat(20), remote: null } });
    expect(found.json.items.map((r: { slug: string }) => r.slug)).toEqual(['api']);
    expect(cli(root, ['repo', 'find', '--fingerprint', 'abab']).stdout).toBe('api  payments  active    repos/api\n');
    expect(cliJson(root, ['repo', 'find', '--remote', 'HTTPS://Git.Example.org/org/api/']).json.items.map((r: { slug: string }) => r.slug)).toEqual(['api']);
    expect(cliJson(root, ['repo', 'find', '--remote', 'https://git.example.org/org/api', '--fingerprint', 'abab']).json.items).toHaveLength(1);
  });

  it('exits 1 when nothing matches and 2 without a query', () => {
    expect(cliJson(root, ['repo', 'find', '--fingerprint', 'cdcd'])).toMatchObject({
      code: 1,
      json: { schema_version: 1, kind: 'repo-find', query: { fingerprint: 'cdcd', remote: null }, items: [] },
    });
    const human = cli(root, ['repo', 'find', '--remote', 'https://git.example.org/org/API']);
    expect([human.code, human.stdout, human.stderr]).toEqual([1, '', 'custodian: no repo with remote https://git.example.org/org/API\n']);
    expect(cliJson(root, ['repo', 'find'])).toMatchObject({ code: 2, json: { code: 'usage' } });
  });
});
