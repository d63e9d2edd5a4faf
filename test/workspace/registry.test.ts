import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/documents/model.js';
import { readYaml } from '../../src/documents/yaml/read.js';
import { CustodianError } from '../../src/errors.js';
import { loadRegistry } from '../../src/workspace/registry.js';
import { DEFAULT_INCLUDE } from '../../src/workspace/types.js';
import { removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const VALID = `# The registry
version: 1
domains:
  - slug: custodian
    name: The Custodian
    description: Coordination tooling
  - slug: infra
    name: Infrastructure
    status: archived
    owner: ops            # unknown key: kept
repos:
  - slug: the-custodian
    name: The Custodian
    domain: custodian
    path: ../the-custodian
    host_paths:
      build-box-2: /srv/src/the-custodian
    remote_url: https://git.example.org/org/the-custodian.git
    fingerprint: 6B1F0C1E2D3A4B5C6D7E8F901234567890ABCDEF
    team: core            # unknown key: kept
  - slug: infra-tools
    name: Infra tools
    domain: infra
    path: /abs/infra-tools
    include: ["plans/**/*.md"]
    rules:
      file/id-mismatch: error
rules:
  file/id-mismatch: off
  status/alias: info
`;

function workspace(files: Record<string, string>): string {
  const root = tempDir('custodian-ws-');
  writeFiles(root, files);
  return root;
}

async function problems(files: Record<string, string>): Promise<{ message: string; diagnostics: Diagnostic[] }> {
  const root = workspace(files);
  const error = await loadRegistry(root, { hostname: 'test-host' }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CustodianError)) throw new Error(`expected invalid-workspace, got ${String(error)}`);
  expect(error.code).toBe('invalid-workspace');
  expect(error.exitCode).toBe(2);
  return { message: error.message, diagnostics: (error.details?.diagnostics ?? []) as Diagnostic[] };
}

/** `file:line:col rule_id` per diagnostic, for compact exact assertions. */
const where = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule_id}`);

describe('loading a valid registry', () => {
  it('fills defaults, resolves checkouts and keeps unknown keys', async () => {
    const root = workspace({ 'custodian.yaml': VALID });
    const registry = await loadRegistry(root, { hostname: 'laptop' });
    expect(registry.config_file).toBe(join(root, 'custodian.yaml'));
    expect(registry.local_file).toBeNull();
    expect(registry.config_text).toBe(VALID);
    expect(registry.rules).toEqual({ 'file/id-mismatch': 'off', 'status/alias': 'info' });
    expect(registry.domains).toEqual([
      { slug: 'custodian', name: 'The Custodian', description: 'Coordination tooling', status: 'active', extra: {} },
      { slug: 'infra', name: 'Infrastructure', description: null, status: 'archived', extra: { owner: 'ops' } },
    ]);
    expect(registry.repos).toEqual([
      {
        slug: 'the-custodian',
        name: 'The Custodian',
        domain: 'custodian',
        path: '../the-custodian',
        checkout: join(root, '..', 'the-custodian'),
        host_paths: { 'build-box-2': '/srv/src/the-custodian' },
        remote_url: 'https://git.example.org/org/the-custodian.git',
        fingerprint: '6b1f0c1e2d3a4b5c6d7e8f901234567890abcdef',
        description: null,
        status: 'active',
        include: [...DEFAULT_INCLUDE],
        rules: { 'file/id-mismatch': 'off', 'status/alias': 'info' },
        extra: { team: 'core' },
      },
      {
        slug: 'infra-tools',
        name: 'Infra tools',
        domain: 'infra',
        path: '/abs/infra-tools',
        checkout: '/abs/infra-tools',
        host_paths: {},
        remote_url: null,
        fingerprint: null,
        description: null,
        status: 'active',
        include: ['plans/**/*.md'],
        rules: { 'file/id-mismatch': 'error', 'status/alias': 'info' },
        extra: {},
      },
    ]);
  });

  it('uses the host path on a matching host', async () => {
    const root = workspace({ 'custodian.yaml': VALID });
    const registry = await loadRegistry(root, { hostname: 'build-box-2' });
    expect(registry.repos[0].checkout).toBe('/srv/src/the-custodian');
  });

  it('accepts a minimal registry, x- keys and a BOM', async () => {
    const root = workspace({ 'custodian.yaml': '\uFEFFversion: 1\nx-owner: platform team\n' });
    const registry = await loadRegistry(root);
    expect(registry).toMatchObject({ domains: [], repos: [], rules: {} });
  });
});

describe('schema errors point at the exact line and column', () => {
  it('a value of the wrong type', async () => {
    const { message, diagnostics } = await problems({
      'custodian.yaml': 'version: 1\ndomains:\n  - slug: core\n    name: 42\n',
    });
    expect(message).toBe('custodian.yaml:4:11: domains[0].name: expected a string, found the number 42 (YAML reads it as a number or boolean: put it in quotes)');
    expect(diagnostics).toEqual([
      {
        rule_id: 'schema/invalid',
        severity: 'error',
        message: 'domains[0].name: expected a string, found the number 42 (YAML reads it as a number or boolean: put it in quotes)',
        file: 'custodian.yaml',
        line: 4,
        column: 11,
        end_line: 4,
        end_column: 13,
      },
    ]);
  });

  it('a missing required key, at the entry that lacks it', async () => {
    const { message } = await problems({
      'custodian.yaml': [
        'version: 1',
        'domains:',
        '  - slug: core',
        '    name: Core',
        'repos:',
        '  - slug: api',
        '    name: API',
        '    domain: core',
        '',
      ].join('\n'),
    });
    expect(message).toBe(
      'custodian.yaml:6:5: repos[0]: missing required key "path" (the checkout folder, relative to the workspace or absolute)',
    );
  });

  it('a missing version, at the top of the file', async () => {
    const { message } = await problems({ 'custodian.yaml': 'domains: []\n' });
    expect(message).toBe('custodian.yaml:1:1: custodian.yaml: missing required key "version" (always 1: start the file with `version: 1`)');
  });

  it('a bad slug, with a suggestion', async () => {
    const { message } = await problems({
      'custodian.yaml': 'version: 1\ndomains:\n  - slug: Data Platform\n    name: Data\n',
    });
    expect(message).toBe(
      'custodian.yaml:3:11: domains[0].slug: "Data Platform" is not a valid slug: expected lowercase letters, digits, "-" and "_" only (e.g. "data-platform")',
    );
  });

  it('an unknown rule severity, and a rule id that is not one', async () => {
    const { message, diagnostics } = await problems({
      'custodian.yaml': 'version: 1\nrules:\n  task/duplicate-id: fatal\n  Duplicates: off\n',
    });
    expect(message).toBe(
      [
        'custodian.yaml:3:22: rules.task/duplicate-id: expected one of off, info, warning, error; found the string "fatal"',
        'custodian.yaml:4:3: rules.Duplicates: "Duplicates" is not a rule id: expected "<group>/<name>" such as "task/duplicate-id"',
      ].join('\n'),
    );
    expect(where(diagnostics)).toEqual(['custodian.yaml:3:22 schema/invalid', 'custodian.yaml:4:3 schema/invalid']);
  });

  it('an unknown top-level key, with a guess', async () => {
    const { message } = await problems({ 'custodian.yaml': 'version: 1\nrepo: []\n' });
    expect(message).toBe(
      'custodian.yaml:2:1: unknown top-level key "repo": expected version, domains, repos or rules (did you mean "repos"?); keys starting with "x-" are kept for other tools',
    );
  });

  it('a wrong version, a bad fingerprint and an empty value, all at once', async () => {
    const { message } = await problems({
      'custodian.yaml': [
        'version: 2',
        'domains:',
        '  - slug: core',
        '    name: Core',
        '    description:',
        'repos:',
        '  - slug: api',
        '    name: API',
        '    domain: core',
        '    path: ../api',
        '    fingerprint: abc123',
        '',
      ].join('\n'),
    });
    expect(message.split('\n')).toEqual([
      'custodian.yaml:1:10: version: expected 1, found the number 2',
      'custodian.yaml:5:5: domains[0].description: expected a string, found an empty value',
      'custodian.yaml:11:18: repos[0].fingerprint: "abc123" is not a commit id: expected 40 (SHA-1) or 64 (SHA-256) hex digits, the output of `git rev-list --max-parents=0 HEAD`',
    ]);
  });

  it('a file that is not a mapping', async () => {
    const { message } = await problems({ 'custodian.yaml': '- version: 1\n' });
    expect(message).toBe('custodian.yaml:1:1: custodian.yaml: expected a mapping with `version: 1`, `domains` and `repos`, found a list');
  });

  it('a YAML syntax error or duplicate key, at the reader\'s position with the reader\'s words', async () => {
    const broken = 'version: 1\ndomains:\n  - slug: [unclosed\n';
    const reader = readYaml(broken);
    if (reader.ok) throw new Error('expected the reader to reject the text');
    const syntax = await problems({ 'custodian.yaml': broken });
    expect(where(syntax.diagnostics)).toEqual(['custodian.yaml:4:1 registry/parse']);
    expect(syntax.message).toBe(`custodian.yaml:4:1: ${reader.problem.message}`);
    const duplicate = await problems({ 'custodian.yaml': 'version: 1\nversion: 1\n' });
    expect(where(duplicate.diagnostics)).toEqual(['custodian.yaml:2:1 registry/parse']);
  });

  it('a registry of 300 repos (over a front-matter block\'s 64 KiB cap) loads; one over 1 MiB is refused', async () => {
    const repo = (i: number) => `  - slug: r${i}\n    name: Repo ${i}\n    domain: core\n    path: ../r${i}\n    description: ${'x'.repeat(200)}\n`;
    const registry = (n: number) => `version: 1\ndomains:\n  - slug: core\n    name: Core\nrepos:\n${Array.from({ length: n }, (_, i) => repo(i)).join('')}`;
    const root = workspace({ 'custodian.yaml': registry(300) });
    expect((await loadRegistry(root)).repos).toHaveLength(300);
    const { message } = await problems({ 'custodian.yaml': registry(4000) });
    expect(message).toBe(
      'custodian.yaml:1:1: custodian.yaml is larger than 1 MiB, the most custodian reads as a registry: shorten descriptions or move host_paths to custodian.local.yaml',
    );
  });

  it('a file that is not UTF-8', async () => {
    const root = workspace({});
    writeFileSync(join(root, 'custodian.yaml'), Buffer.from([0x76, 0x3a, 0x20, 0xff, 0x0a]));
    const error = (await loadRegistry(root).catch((e: unknown) => e)) as CustodianError;
    expect(error.message).toBe('custodian.yaml:1:1: custodian.yaml is not valid UTF-8 text');
  });
});

describe('semantic checks', () => {
  it('reports a duplicate slug at its second use, pointing at the first', async () => {
    const { message, diagnostics } = await problems({
      'custodian.yaml': [
        'version: 1',
        'domains:',
        '  - slug: core',
        '    name: Core',
        '  - slug: core',
        '    name: Core again',
        '',
      ].join('\n'),
    });
    expect(message).toBe(
      'custodian.yaml:5:11: domains[1].slug: duplicate domain slug "core" (already used by domains[0]); slugs must be unique',
    );
    expect(diagnostics[0].related).toEqual([{ file: 'custodian.yaml', line: 3, column: 11, message: 'first use of domain slug "core"' }]);
    expect(diagnostics[0].rule_id).toBe('registry/duplicate-slug');
  });

  it('reports duplicate repo slugs and a repo naming an unknown domain together', async () => {
    const { message, diagnostics } = await problems({
      'custodian.yaml': [
        'version: 1',
        'domains:',
        '  - slug: core',
        '    name: Core',
        'repos:',
        '  - slug: api',
        '    name: API',
        '    domain: core',
        '    path: ../api',
        '  - slug: api',
        '    name: API 2',
        '    domain: platform',
        '    path: ../api2',
        '',
      ].join('\n'),
    });
    expect(message.split('\n')).toEqual([
      'custodian.yaml:10:11: repos[1].slug: duplicate repo slug "api" (already used by repos[0]); slugs must be unique',
      'custodian.yaml:12:13: repos[1].domain: unknown domain "platform": expected one of core, or add it under `domains:`',
    ]);
    expect(where(diagnostics)).toEqual(['custodian.yaml:10:11 registry/duplicate-slug', 'custodian.yaml:12:13 registry/unknown-domain']);
  });
});

describe('custodian.local.yaml', () => {
  const MAIN = [
    'version: 1',
    'domains:',
    '  - slug: core',
    '    name: Core',
    'repos:',
    '  - slug: api',
    '    name: API',
    '    domain: core',
    '    path: ../api',
    '    host_paths:',
    '      ci-runner: /builds/api',
    'rules:',
    '  status/alias: info',
    '',
  ].join('\n');

  it('merges host paths and paths by slug, adds local repos and overrides rules', async () => {
    const root = workspace({
      'custodian.yaml': MAIN,
      'custodian.local.yaml': [
        'repos:',
        '  - slug: api',
        '    host_paths:',
        '      my-laptop: /home/me/src/api',
        '  - slug: scratch',
        '    name: Scratch',
        '    domain: core',
        '    path: ./scratch',
        'rules:',
        '  file/id-mismatch: off',
        '',
      ].join('\n'),
    });
    const registry = await loadRegistry(root, { hostname: 'my-laptop' });
    expect(registry.local_file).toBe(join(root, 'custodian.local.yaml'));
    expect(registry.config_text).toBe(MAIN);
    expect(registry.rules).toEqual({ 'status/alias': 'info', 'file/id-mismatch': 'off' });
    expect(registry.repos.map((r) => [r.slug, r.checkout, r.host_paths])).toEqual([
      ['api', '/home/me/src/api', { 'ci-runner': '/builds/api', 'my-laptop': '/home/me/src/api' }],
      ['scratch', join(root, 'scratch'), {}],
    ]);
  });

  it('accepts an empty or comment-only local file', async () => {
    const root = workspace({ 'custodian.yaml': MAIN, 'custodian.local.yaml': '# host paths for this machine go here\n' });
    const registry = await loadRegistry(root, { hostname: 'ci-runner' });
    expect(registry.local_file).toBe(join(root, 'custodian.local.yaml'));
    expect(registry.repos[0].checkout).toBe('/builds/api');
  });

  it('lets a local path replace the shared one', async () => {
    const root = workspace({ 'custodian.yaml': MAIN, 'custodian.local.yaml': 'repos:\n  - slug: api\n    path: /elsewhere/api\n' });
    const registry = await loadRegistry(root, { hostname: 'other' });
    expect(registry.repos[0].checkout).toBe('/elsewhere/api');
  });

  it('reports problems at their place in the local file', async () => {
    const { message, diagnostics } = await problems({
      'custodian.yaml': MAIN,
      'custodian.local.yaml': [
        'repos:',
        '  - slug: api',
        '    host_paths:',
        '      my-laptop: 7',
        '  - slug: newrepo',
        '    name: New',
        '    domain: nowhere',
        '  - host_paths: {a: /b}',
        '',
      ].join('\n'),
    });
    expect(message.split('\n')).toEqual([
      'custodian.local.yaml:4:18: repos[0].host_paths.my-laptop: expected a string, found the number 7 (YAML reads it as a number or boolean: put it in quotes)',
      'custodian.local.yaml:5:5: repos[1]: missing required key "path" (the checkout folder, relative to the workspace or absolute)',
      'custodian.local.yaml:8:5: repos[2]: entries of custodian.local.yaml are merged by slug, so each needs a "slug" naming one of custodian.yaml\'s repos (or a new one)',
    ]);
    expect(diagnostics.every((d) => d.file === 'custodian.local.yaml')).toBe(true);
  });

  it('reports an unknown domain set in the local file there', async () => {
    const { message } = await problems({
      'custodian.yaml': MAIN,
      'custodian.local.yaml': 'repos:\n  - slug: api\n    domain: elsewhere\n',
    });
    expect(message).toBe(
      'custodian.local.yaml:3:13: repos[0].domain: unknown domain "elsewhere": expected one of core, or add it under `domains:`',
    );
  });
});
