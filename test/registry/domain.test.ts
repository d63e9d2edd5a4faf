import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/git-repo.js';
import { cli, cliJson, crlf, doc, read, repoIn, snapshot, taskBlock, workspace } from './helpers.js';

afterAll(removeTempDirs);

const REGISTRY = `# Team registry
version: 1

domains:
  # money things
  - slug: payments
    name: 'Payments'   # quoted on purpose
    description: "Ledger and billing"

  - slug: docs
    name: Docs

repos:
  - slug: api
    name: API
    domain: payments
    path: repos/api
  - slug: cli
    name: CLI
    domain: payments
    path: repos/cli
  - slug: site
    name: Site
    domain: docs
    path: repos/site
`;

/** Three repos: api and cli in payments, site in docs; documents that belong by `domain:` or by repo. */
function domainWorkspace(): string {
  const root = workspace({ 'custodian.yaml': REGISTRY });
  repoIn(root, 'repos/api', {
    'workplans/PAY-WP-0001-a.md': doc('id: PAY-WP-0001\ntitle: Alpha\nstatus: active', taskBlock('T01', 'todo') + taskBlock('T02', 'done')),
    'workplans/PAY-WP-0002-b.md': doc('id: PAY-WP-0002\ntitle: Beta\ndomain: payments\nstatus: completed', taskBlock('T01', 'done')),
    'workplans/PAY-WP-0003-c.md': doc('id: PAY-WP-0003\ntitle: Gamma\ndomain: payments\nstatus: in-progress'),
    'docs/tasks/PAY-T-1.md': doc('id: PAY-T-1\ntitle: Loose task\nstatus: in_progress'),
  });
  repoIn(root, 'repos/cli', {
    'workplans/CLI-WP-0001.md': doc('id: CLI-WP-0001\ntitle: Docs work in the CLI repo\ndomain: docs\nstatus: draft', taskBlock('T01', 'todo')),
    'goals/G-1.md': doc('id: G-1\ntitle: Ship\nstatus: active\npriority: 1'),
  });
  repoIn(root, 'repos/site', {
    'workplans/DOC-WP-0001.md': doc('id: DOC-WP-0001\ntitle: Payments pages\ndomain: payments\nstatus: blocked', taskBlock('T01', 'blocked')),
  });
  return root;
}

describe('domain list and show', () => {
  let root: string;
  beforeAll(() => {
    root = domainWorkspace();
  });

  it('lists the domains with their repos', () => {
    expect(cliJson(root, ['domain', 'list'])).toEqual({
      code: 0,
      stderr: '',
      json: {
        schema_version: 1,
        kind: 'domain-list',
        items: [
          { slug: 'payments', name: 'Payments', description: 'Ledger and billing', status: 'active', repo_slugs: ['api', 'cli'] },
          { slug: 'docs', name: 'Docs', description: null, status: 'active', repo_slugs: ['site'] },
        ],
      },
    });
    expect(cli(root, ['domain', 'list']).stdout).toBe('payments  active    2 repos   Payments\ndocs      active    1 repo    Docs\n');
  });

  it("counts the documents that name the domain, and those of its repos that name none", () => {
    const { code, json } = cliJson(root, ['domain', 'show', 'payments']);
    expect(code).toBe(0);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'domain',
      domain: {
        slug: 'payments',
        name: 'Payments',
        description: 'Ledger and billing',
        status: 'active',
        repo_slugs: ['api', 'cli'],
        repo_count: 2,
        workplan_counts: { draft: 0, active: 2, blocked: 1, completed: 1, cancelled: 0, unknown: 0, total: 4 },
        task_counts: { todo: 1, in_progress: 1, blocked: 1, done: 2, cancelled: 0, unknown: 0, total: 5 },
        goal_count: 1,
        extra: {},
      },
    });
    const docs = cliJson(root, ['domain', 'show', 'docs']).json.domain;
    expect([docs.workplan_counts.total, docs.workplan_counts.draft, docs.task_counts.total, docs.task_counts.todo, docs.goal_count]).toEqual([1, 1, 1, 1, 0]);
  });

  it('answers not-found (exit 1) for an unknown domain', () => {
    const { code, json } = cliJson(root, ['domain', 'show', 'nope']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ kind: 'error', code: 'not-found' });
    expect(json.message).toContain('known: payments, docs');
  });
});

describe('domain add', () => {
  const ADDED = `
  - slug: ops
    name: "Ops: on call"
    description: Pager and runbooks
`;

  it('appends the entry after the last domain, keeping every other byte', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const { code, json } = cliJson(root, ['domain', 'add', 'ops', '--name', 'Ops: on call', '--description', 'Pager and runbooks']);
    expect(code).toBe(0);
    const expected = REGISTRY.replace('    name: Docs\n', `    name: Docs${ADDED}`);
    expect(read(root, 'custodian.yaml')).toBe(expected);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'domain-add',
      domain: { slug: 'ops', name: 'Ops: on call', description: 'Pager and runbooks', status: 'active', repo_slugs: [] },
      changed: true,
      dry_run: false,
      edits: [
        {
          repo_slug: null,
          file: 'custodian.yaml',
          diff: [
            '--- a/custodian.yaml',
            '+++ b/custodian.yaml',
            '@@ -9,6 +9,9 @@',
            ' ',
            '   - slug: docs',
            '     name: Docs',
            '+  - slug: ops',
            '+    name: "Ops: on call"',
            '+    description: Pager and runbooks',
            ' ',
            ' repos:',
            '   - slug: api',
            '',
          ].join('\n'),
        },
      ],
      warnings: [],
    });
  });

  it('keeps CRLF line endings', () => {
    const root = workspace({ 'custodian.yaml': crlf(REGISTRY) });
    expect(cli(root, ['domain', 'add', 'ops', '--name', 'Ops: on call', '--description', 'Pager and runbooks']).code).toBe(0);
    expect(read(root, 'custodian.yaml')).toBe(crlf(REGISTRY.replace('    name: Docs\n', `    name: Docs${ADDED}`)));
  });

  it('changes nothing with --dry-run and prints the diff', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    const result = cli(root, ['domain', 'add', 'ops', '--name', 'Ops', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+  - slug: ops\n+    name: Ops\n');
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('refuses a bad slug (exit 2), a missing name (exit 2) and a slug in use (exit 1)', () => {
    const root = workspace({ 'custodian.yaml': REGISTRY });
    expect(cliJson(root, ['domain', 'add', 'Ops', '--name', 'Ops'])).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(cliJson(root, ['domain', 'add', 'ops'])).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(cliJson(root, ['domain', 'add', 'docs', '--name', 'Again'])).toMatchObject({
      code: 1,
      json: { kind: 'error', code: 'refused', reason: 'duplicate-slug' },
    });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('refuses outside a workspace with a registry (exit 2)', () => {
    const root = repoIn(workspace({}), 'lonely', { 'README.md': 'x' });
    expect(cliJson(root, ['domain', 'list'])).toMatchObject({ code: 2, json: { kind: 'error', code: 'invalid-workspace' } });
  });
});

describe('domain archive', () => {
  it('refuses while the domain has active workplans, naming them, and writes nothing', () => {
    const root = domainWorkspace();
    const { code, json } = cliJson(root, ['domain', 'archive', 'payments']);
    expect(code).toBe(1);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'error',
      code: 'refused',
      message:
        'domain payments still has 2 active workplans: api:PAY-WP-0001 (workplans/PAY-WP-0001-a.md), api:PAY-WP-0003 (workplans/PAY-WP-0003-c.md); complete or cancel them before archiving the domain',
      reason: 'active-workplans',
      active_workplans: [
        { id: 'PAY-WP-0001', title: 'Alpha', repo_slug: 'api', file: 'workplans/PAY-WP-0001-a.md', line: 1 },
        { id: 'PAY-WP-0003', title: 'Gamma', repo_slug: 'api', file: 'workplans/PAY-WP-0003-c.md', line: 1 },
      ],
    });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY);
  });

  it('archives once the workplans are no longer active (the index is re-synced first)', () => {
    const root = domainWorkspace();
    expect(cli(root, ['domain', 'archive', 'payments']).code).toBe(1);
    const api = join(root, 'repos/api/workplans');
    writeFileSync(join(api, 'PAY-WP-0001-a.md'), doc('id: PAY-WP-0001\ntitle: Alpha\nstatus: completed', taskBlock('T01', 'done')));
    writeFileSync(join(api, 'PAY-WP-0003-c.md'), doc('id: PAY-WP-0003\ntitle: Gamma\ndomain: payments\nstatus: cancelled'));
    const { code, json } = cliJson(root, ['domain', 'archive', 'payments']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'domain-archive', changed: true, dry_run: false, domain: { slug: 'payments', status: 'archived' } });
    expect(read(root, 'custodian.yaml')).toBe(REGISTRY.replace('    description: "Ledger and billing"\n', '    description: "Ledger and billing"\n    status: archived\n'));
  });

  it('archives a domain whose workplans are drafts, and a second archive changes nothing', () => {
    const root = domainWorkspace();
    expect(cli(root, ['domain', 'archive', 'docs']).stdout).toBe('archived domain docs\n');
    const archived = REGISTRY.replace('    name: Docs\n', '    name: Docs\n    status: archived\n');
    expect(read(root, 'custodian.yaml')).toBe(archived);
    expect(cliJson(root, ['domain', 'archive', 'docs'])).toMatchObject({ code: 0, json: { changed: false, edits: [] } });
    expect(read(root, 'custodian.yaml')).toBe(archived);
    expect(snapshot(root, ['repos/cli/workplans/CLI-WP-0001.md'])['repos/cli/workplans/CLI-WP-0001.md']).toContain('status: draft');
  });
});
