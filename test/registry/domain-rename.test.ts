import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/git-repo.js';
import { cli, cliJson, crlf, doc, read, repoIn, snapshot, taskBlock, workspace } from './helpers.js';

afterAll(removeTempDirs);

const REGISTRY = `version: 1
domains:
  - slug: payments # the money domain
    name: Payments
  - slug: docs
    name: Docs
repos:
  - slug: api
    name: API
    domain: payments
    path: repos/api
  - slug: cli
    name: CLI
    domain: 'payments'
    path: repos/cli
  - slug: site
    name: Site
    domain: docs
    path: repos/site
`;

const LOCAL = `# this machine only
repos:
  - slug: scratch
    name: Scratch
    domain: payments
    path: repos/scratch
  - slug: api
    host_paths:
      otherbox: /srv/api
`;

const FILES = {
  api: {
    'workplans/PAY-WP-0001.md': crlf(doc('id: PAY-WP-0001\ntitle: Alpha\ndomain: payments\nstatus: active', taskBlock('T01', 'todo'))),
    'workplans/PAY-WP-0002.md': doc('id: PAY-WP-0002\ntitle: No domain\nstatus: active'),
    'goals/G-1.md': doc('id: G-1\ntitle: Goal\ndomain: "payments"\nstatus: active'),
    'docs/tasks/PAY-T-1.md': doc('id: PAY-T-1\ntitle: A task file\ndomain: payments\nstatus: todo'),
  },
  cli: {
    'workplans/CLI-WP-0001.md': doc('id: CLI-WP-0001\ndomain: payments   # where it belongs\nowner: me', '# CLI\n'),
    'workplans/CLI-WP-0002.md': doc('id: CLI-WP-0002\ntitle: [unclosed\ndomain: docs'),
    'goals/G-2.md': doc('id: G-2\ntitle: Docs goal\ndomain: docs\nstatus: active'),
  },
  scratch: { 'workplans/SCR-WP-0001.md': doc('id: SCR-WP-0001\ndomain: payments') },
  site: { 'workplans/DOC-WP-0001.md': doc('id: DOC-WP-0001\ntitle: Payment pages\ndomain: payments\nstatus: active') },
};

const ALL_FILES = [
  'custodian.yaml',
  'custodian.local.yaml',
  ...Object.entries(FILES).flatMap(([repo, files]) => Object.keys(files).map((file) => `repos/${repo}/${file}`)),
];

function renameWorkspace(extra: Partial<Record<keyof typeof FILES, Record<string, string>>> = {}): string {
  const root = workspace({ 'custodian.yaml': REGISTRY, 'custodian.local.yaml': LOCAL });
  for (const [repo, files] of Object.entries(FILES)) repoIn(root, `repos/${repo}`, { ...files, ...extra[repo as keyof typeof FILES] });
  return root;
}

const RENAMED: Record<string, string> = {
  'custodian.yaml': REGISTRY.replace('  - slug: payments # the money domain\n    name: Payments', '  - slug: money # the money domain\n    name: Money')
    .replace('    domain: payments\n', '    domain: money\n')
    .replace("    domain: 'payments'\n", "    domain: 'money'\n"),
  'custodian.local.yaml': LOCAL.replace('    domain: payments\n', '    domain: money\n'),
  'repos/api/workplans/PAY-WP-0001.md': FILES.api['workplans/PAY-WP-0001.md'].replace('domain: payments\r\n', 'domain: money\r\n'),
  'repos/api/goals/G-1.md': FILES.api['goals/G-1.md'].replace('domain: "payments"', 'domain: "money"'),
  'repos/cli/workplans/CLI-WP-0001.md': FILES.cli['workplans/CLI-WP-0001.md'].replace('domain: payments   #', 'domain: money   #'),
  'repos/scratch/workplans/SCR-WP-0001.md': FILES.scratch['workplans/SCR-WP-0001.md'].replace('domain: payments', 'domain: money'),
};

const EDITED = [
  [null, 'custodian.yaml'],
  [null, 'custodian.local.yaml'],
  ['api', 'goals/G-1.md'],
  ['api', 'workplans/PAY-WP-0001.md'],
  ['cli', 'workplans/CLI-WP-0001.md'],
  ['scratch', 'workplans/SCR-WP-0001.md'],
];

const LEFT = [
  { repo_slug: 'api', file: 'docs/tasks/PAY-T-1.md', kind: 'task', id: 'PAY-T-1', reason: 'kind-not-cascaded' },
  { repo_slug: 'site', file: 'workplans/DOC-WP-0001.md', kind: 'workplan', id: 'DOC-WP-0001', reason: 'outside-domain' },
];

describe('domain rename', () => {
  it('--dry-run lists every planned edit with its diff and changes nothing', () => {
    const root = renameWorkspace();
    const before = snapshot(root, ALL_FILES);
    const { code, json } = cliJson(root, ['domain', 'rename', 'payments', 'money', '--name', 'Money', '--dry-run']);
    expect(code).toBe(0);
    expect(snapshot(root, ALL_FILES)).toEqual(before);
    expect(json.kind).toBe('domain-rename');
    expect([json.from, json.to, json.changed, json.dry_run]).toEqual(['payments', 'money', true, true]);
    expect(json.domain).toEqual({ slug: 'money', name: 'Money', description: null, status: 'active', repo_slugs: ['api', 'cli', 'scratch'] });
    expect(json.edits.map((e: { repo_slug: string | null; file: string }) => [e.repo_slug, e.file])).toEqual(EDITED);
    expect(json.edits[4].diff).toBe(
      [
        '--- a/workplans/CLI-WP-0001.md',
        '+++ b/workplans/CLI-WP-0001.md',
        '@@ -1,6 +1,6 @@',
        ' ---',
        ' id: CLI-WP-0001',
        '-domain: payments   # where it belongs',
        '+domain: money   # where it belongs',
        ' owner: me',
        ' ---',
        ' # CLI',
        '',
      ].join('\n'),
    );
    expect(json.failed).toEqual([]);
    expect(json.left_unchanged).toEqual(LEFT);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['left-unchanged', 'left-unchanged']);
  });

  it('--dry-run prints the unified diffs for people', () => {
    const root = renameWorkspace();
    const result = cli(root, ['domain', 'rename', 'payments', 'money', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/custodian.yaml\n+++ b/custodian.yaml\n');
    expect(result.stdout).toContain('--- a/repos/cli/workplans/CLI-WP-0001.md\n+++ b/repos/cli/workplans/CLI-WP-0001.md\n');
    expect(result.stdout).toContain('-domain: payments   # where it belongs\n+domain: money   # where it belongs\n');
    expect(result.stderr).toContain('dry run: 6 files would change, nothing was written');
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('rewrites the registry and every workplan and goal of the domain in place, byte for byte', () => {
    const root = renameWorkspace();
    const before = snapshot(root, ALL_FILES);
    const { code, json, stderr } = cliJson(root, ['domain', 'rename', 'payments', 'money', '--name', 'Money']);
    expect(code).toBe(0);
    expect([json.changed, json.dry_run, json.failed]).toEqual([true, false, []]);
    expect(json.edits.map((e: { repo_slug: string | null; file: string }) => [e.repo_slug, e.file])).toEqual(EDITED);
    expect(snapshot(root, ALL_FILES)).toEqual({ ...before, ...RENAMED });
    expect(stderr).toContain('site/workplans/DOC-WP-0001.md names domain payments but is not in a repo of domain payments; left unchanged');
    // The workspace is consistent afterwards: the domain exists under its new slug with its repos.
    expect(cliJson(root, ['domain', 'show', 'money']).json.domain).toMatchObject({ repo_slugs: ['api', 'cli', 'scratch'], goal_count: 1 });
    expect(cliJson(root, ['domain', 'show', 'payments']).code).toBe(1);
  });

  it('refuses the whole rename when a file naming the domain cannot be checked, writing nothing', () => {
    const broken = doc('id: PAY-WP-0009\ntitle: [unclosed\ndomain: payments\nstatus: active');
    const root = renameWorkspace({ api: { 'workplans/PAY-WP-0009-broken.md': broken } });
    const files = [...ALL_FILES, 'repos/api/workplans/PAY-WP-0009-broken.md'];
    const before = snapshot(root, files);
    const { code, json } = cliJson(root, ['domain', 'rename', 'payments', 'money']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ schema_version: 1, kind: 'error', code: 'refused', reason: 'unchecked-files' });
    expect(json.problems).toEqual([
      { repo_slug: 'api', file: 'workplans/PAY-WP-0009-broken.md', reason: 'frontmatter-invalid', message: expect.stringMatching(/^cannot check its domain: .*\(line \d+\)$/) },
    ]);
    expect(json.message).toMatch(/^domain rename payments → money refused, nothing was written: 1 file could not be checked:\napi\/workplans\/PAY-WP-0009-broken\.md: /);
    expect(snapshot(root, files)).toEqual(before);
    // A dry run refuses the same way.
    expect(cliJson(root, ['domain', 'rename', 'payments', 'money', '--dry-run']).code).toBe(1);
  });

  it('refuses an unknown old slug (1), an invalid new slug (2) and a new slug in use (1)', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    expect(cliJson(root, ['domain', 'rename', 'nope', 'x'])).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(cliJson(root, ['domain', 'rename', 'payments', 'Money!'])).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(cliJson(root, ['domain', 'rename', 'payments', 'docs'])).toMatchObject({ code: 1, json: { code: 'refused', reason: 'duplicate-slug' } });
    expect(cliJson(root, ['domain', 'rename', 'payments', 'payments'])).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('warns that the documents of a repo with no checkout on this host keep the old slug', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    repoIn(root, 'repos/api', FILES.api);
    const { code, json } = cliJson(root, ['domain', 'rename', 'payments', 'money', '--dry-run']);
    expect(code).toBe(0);
    expect(json.warnings.filter((w: { code: string }) => w.code === 'unreachable-repo')).toEqual([
      { code: 'unreachable-repo', message: 'repo cli has no checkout on this host: its documents were not checked and keep domain payments' },
    ]);
  });

  it('with the same slug and --name, changes only the name', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    expect(cli(root, ['domain', 'rename', 'docs', 'docs', '--name', 'Documentation']).code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY.replace('    name: Docs\n', '    name: Documentation\n'));
  });

  it('refuses with conflict, writing nothing, when a file changes between the check and the write', async () => {
    // The check-then-write step on its own: a planned write whose file changed is a conflict for the whole set.
    const { commitWrites } = await import('../../src/workspace/registry-edit-commit.js');
    const { readTextFile } = await import('../../src/edit/index.js');
    const root = workspace({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    const a = await readTextFile(join(root, 'a.yaml'));
    const b = await readTextFile(join(root, 'b.yaml'));
    writeFileSync(join(root, 'b.yaml'), 'b: 2\n');
    await expect(
      commitWrites([
        { path: a.path, before: a.text, after: 'a: 10\n', bom: false, hash: a.hash, within: { root, name: 'the workspace' } },
        { path: b.path, before: b.text, after: 'b: 10\n', bom: false, hash: b.hash, within: { root, name: 'the workspace' } },
      ]),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(snapshot(root, ['a.yaml', 'b.yaml'])).toEqual({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 2\n' });
  });
});
