// `custodian export` end to end: a valid snapshot, the same bytes for the same files (a rebuilt
// index included), readiness and blocked_by computed over the workspace, HEAD per repo, no
// absolute path of this host in the document.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSnapshot } from '../../src/api/index.js';
import { snapshotText } from '../../src/snapshot/text.js';
import { checkSnapshot } from '../../src/snapshot/validate.js';
import { fixtureCopy, workspace } from '../dispatch/workspace.js';
import { git, removeTempDirs, runCli, tempDir } from '../helpers/git-repo.js';

let root: string;
let first: string;
beforeAll(() => {
  root = fixtureCopy();
  const result = runCli(['-w', root, 'export']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  first = result.stdout;
});
afterAll(removeTempDirs);

const NOW = { CUSTODIAN_NOW: '2026-11-24T12:00:00Z' };

describe('custodian export', () => {
  it('prints a snapshot that the schema accepts', () => {
    const check = checkSnapshot(JSON.parse(first));
    expect(check).toMatchObject({ ok: true });
    const doc = JSON.parse(first);
    expect(doc.kind).toBe('snapshot');
    expect(doc.repos.map((r: { slug: string }) => r.slug)).toEqual(['docs-site', 'ledger-api', 'ledger-cli']);
    expect(doc.domains.map((d: { slug: string }) => d.slug)).toEqual(['docs', 'payments']);
  });

  it('gives the same bytes again, and from a rebuilt index', () => {
    expect(runCli(['-w', root, 'export']).stdout).toBe(first);
    rmSync(join(root, '.custodian'), { recursive: true, force: true });
    expect(runCli(['-w', root, 'export']).stdout).toBe(first);
  });

  it('is the api function exportSnapshot, byte for byte', async () => {
    expect(snapshotText(await exportSnapshot({ workspace: root, env: { ...process.env } }))).toBe(first);
  });

  it('writes the same bytes to --out, atomically, with a summary on stderr', () => {
    const out = join(tempDir(), 'snap.json');
    const result = runCli(['-w', root, 'export', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`custodian: wrote ${out}: 3 repos, 5 workplans, 16 tasks\n`);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('records the commit each repo was at and names no folder of this host', () => {
    const doc = JSON.parse(first);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    for (const repo of doc.repos) {
      expect(repo.commit).toBe(head);
      expect(repo.branch).toBe('main');
    }
    expect(first).not.toContain(root);
    const c2 = doc.repos.find((r: { slug: string }) => r.slug === 'ledger-api').doi.criteria.find((c: { id: string }) => c.id === 'C2');
    expect(c2).toEqual({ id: 'C2', tier: 'core', status: 'pass', detail: 'git checkout at repos/ledger-api' });
  });

  it('carries readiness and blocked_by, cross-repo dependencies resolved within the workspace', () => {
    const doc = JSON.parse(first);
    const task = (id: string) => doc.tasks.find((t: { id: string }) => t.id === id);
    expect(task('LCLI-WP-0001-T02')).toMatchObject({
      repo_slug: 'ledger-cli',
      status: 'todo',
      ready: false,
      workstream: 'LCLI-WP-0001',
      blocked_by: [
        { id: 'LCLI-WP-0001-T01', reason: 'not-done', status: 'todo' },
        { id: 'LEDG-WP-0009-T01', reason: 'unknown', status: null },
      ],
    });
    expect(task('LEDG-WP-0001-T02')).toMatchObject({ status: 'in_progress', ready: true, blocked_by: [], assignee: 'agent-7' });
    expect(doc.tasks.filter((t: { ready: boolean }) => t.ready).length).toBeGreaterThan(0);
  });

  it('lists goals, interface changes and decisions with their places', () => {
    const doc = JSON.parse(first);
    expect(doc.goals.map((g: { id: string }) => g.id)).toEqual(['GOAL-1', 'GOAL-2']);
    expect(doc.interface_changes).toEqual([
      {
        id: 'IC-7',
        title: '`currency` becomes required on POST /postings',
        status: 'published',
        status_raw: 'published',
        change_type: 'breaking',
        interface_type: 'api',
        origin_repo: 'ledger-api',
        affected_repos: ['ledger-cli', 'docs-site'],
        affected_paths: ['api/postings.py'],
        planned_for: '2026-12-01',
        published_at: '2026-11-15',
        resolved_at: null,
        valid: true,
        repo_slug: 'ledger-api',
        file: 'interface-changes/IC-7-posting-currency-field.md',
        line: 1,
      },
    ]);
    expect(doc.decisions).toEqual([
      { id: 'ADR-3', title: 'Amounts are integers of minor units', status: 'accepted', status_raw: 'accepted', resolved: '2026-10-21', valid: true, repo_slug: 'ledger-api', file: 'decisions/ADR-3-integer-amounts.md', line: 1 },
    ]);
  });

  it('takes an assignee from the task, and the DoI day from CUSTODIAN_NOW', () => {
    const ws = workspace([{ slug: 'app' }], {
      'repos/app/workplans/APP-WP-1.md': '---\nid: APP-WP-1\nstatus: active\n---\n# Plan\n\n## One\n\n```task\nid: APP-1\nstatus: in_progress\nassignee: agent-7\n```\n',
    });
    const a = runCli(['-w', ws, 'export'], { env: NOW });
    const b = runCli(['-w', ws, 'export'], { env: NOW });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.tasks).toHaveLength(1);
    expect(doc.tasks[0]).toMatchObject({ id: 'APP-1', assignee: 'agent-7', ready: true, fields: { assignee: 'agent-7' } });
    expect(checkSnapshot(doc).ok).toBe(true);
  });

  it('fails with exit 2 outside any workspace or repository', () => {
    const dir = tempDir();
    const result = runCli(['export'], { cwd: dir, env: { CUSTODIAN_WORKSPACE: undefined } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^custodian: /);
    expect(existsSync(join(dir, '.custodian'))).toBe(false);
  });
});

describe('the snapshot schema', () => {
  it('refuses an unknown property, a wrong type and a wrong kind, naming the place', () => {
    const doc = JSON.parse(first);
    expect(checkSnapshot({ ...doc, extra: 1 })).toEqual({ ok: false, error: 'not a valid snapshot: the document must NOT have additional properties (extra)' });
    const badTask = { ...doc, tasks: [{ ...doc.tasks[0], ready: 'yes' }, ...doc.tasks.slice(1)] };
    expect(checkSnapshot(badTask)).toEqual({ ok: false, error: 'not a valid snapshot: /tasks/0/ready must be boolean' });
    expect(checkSnapshot({ ...doc, kind: 'dispatch' })).toMatchObject({ ok: false });
    expect(checkSnapshot(null)).toMatchObject({ ok: false });
  });
});
