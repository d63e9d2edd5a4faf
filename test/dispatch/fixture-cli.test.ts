// The example workspace through the real CLI: exact dispatch and next documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { fixtureCopy } from './workspace.js';
import { CUT_READY_LIST_KEYS } from './dispatch-keys.js';

let root: string;
beforeAll(() => {
  root = fixtureCopy();
});
afterAll(removeTempDirs);

const cli = (...args: string[]) => runCliJson(['-w', root, ...args]);
const API_PLAN = 'workplans/LEDG-WP-0001-idempotent-postings.md';
const CURRENCY_PLAN = 'workplans/LEDG-WP-0002-multi-currency.md';

function pending(id: string, title: string, status: string, priority: string, file: string, line: number, extra: object = {}) {
  return { id, title, status, priority, needs_human: false, assignee: null, ready: true, blocked_by: [], file, line, ...extra };
}

const IC7 = {
  id: 'IC-7',
  repo_slug: 'ledger-api',
  file: 'interface-changes/IC-7-posting-currency-field.md',
  title: '`currency` becomes required on POST /postings',
  status: 'published',
  change_type: 'breaking',
  interface_type: 'api',
  origin_repo: 'ledger-api',
  affected_repos: ['ledger-cli', 'docs-site'],
  affected_paths: ['api/postings.py'],
  planned_for: '2026-12-01',
  published_at: '2026-11-15',
};

/** The sync time is real: check its shape, then compare the rest exactly. */
function withoutSyncTime(json: { last_state_synced_at: string }) {
  expect(json.last_state_synced_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  return { ...json, last_state_synced_at: 'T' };
}

describe('custodian dispatch on the example workspace', () => {
  it('ledger-api: goal, two workplans and the backlog, the draft left out, aliases normalised, needs_human aside', () => {
    const { code, json } = cli('dispatch', 'ledger-api', '--json');
    expect(code).toBe(0);
    const t05 = pending('LEDG-WP-0001-T05', '2.3 — Load test with retries', 'todo', 'high', API_PLAN, 74, {
      needs_human: true,
      ready: false,
      blocked_by: [{ id: 'LEDG-WP-0001-T03', reason: 'not-done', status: 'todo', repo_slug: 'ledger-api' }],
    });
    expect(withoutSyncTime(json)).toEqual({
      schema_version: 1,
      kind: 'dispatch',
      repo_slug: 'ledger-api',
      active_goal: { id: 'GOAL-1', title: 'Clients can retry any write safely', priority: 1, repo_slug: 'ledger-api', file: 'goals/GOAL-1-safe-retries.md' },
      active_workstreams: [
        {
          id: 'LEDG-WP-0001',
          title: 'Idempotent postings',
          status: 'active',
          repo_slug: 'ledger-api',
          file: API_PLAN,
          pending_tasks: [
            pending('LEDG-WP-0001-T02', '1.2 — Expire old keys', 'in_progress', 'medium', API_PLAN, 32, { assignee: 'agent-7' }),
            pending('LEDG-WP-0001-T03', '2.1 — Honour `Idempotency-Key` on `POST /postings`', 'todo', 'critical', API_PLAN, 51),
            t05,
            pending('LEDG-WP-0001-T04', '2.2 — Document the header for client authors', 'todo', 'low', API_PLAN, 63, {
              ready: false,
              blocked_by: [{ id: 'LEDG-WP-0001-T03', reason: 'not-done', status: 'todo', repo_slug: 'ledger-api' }],
            }),
          ],
          pending_total: 4,
        },
        {
          id: 'LEDG-WP-0002',
          title: 'LEDG-WP-0002: Multi-currency ledger',
          status: 'active',
          repo_slug: 'ledger-api',
          file: CURRENCY_PLAN,
          pending_tasks: [
            pending('LEDG-WP-0002-T02', 'Reject postings whose legs mix currencies', 'todo', 'high', CURRENCY_PLAN, 13),
            pending('LEDG-WP-0002-T03', 'Add exchange-rate snapshots for reporting', 'blocked', 'medium', CURRENCY_PLAN, 18, {
              ready: false,
              blocked_by: [{ id: 'LEDG-WP-0002-T02', reason: 'not-done', status: 'todo', repo_slug: 'ledger-api' }],
            }),
          ],
          pending_total: 2,
        },
        {
          id: 'ledger-api:backlog',
          title: 'Backlog',
          status: 'active',
          repo_slug: 'ledger-api',
          file: null,
          pending_tasks: [
            pending('LEDG-43', 'Fix the flaky balance snapshot test', 'in_progress', 'medium', 'docs/tasks/LEDG-43-flaky-balance-test.md', 1),
            pending('LEDG-42', 'Rotate the webhook signing keys', 'todo', 'high', 'docs/tasks/LEDG-42-rotate-signing-keys.md', 1),
          ],
          pending_total: 2,
        },
      ],
      ready_tasks: ['LEDG-WP-0001-T02', 'LEDG-43', 'LEDG-WP-0001-T03', 'LEDG-WP-0002-T02', 'LEDG-42'],
      ready_tasks_total: 5,
      human_interventions: [t05],
      human_interventions_total: 1,
      pending_interface_changes: [],
      last_state_synced_at: 'T',
    });
  });

  it('ledger-cli: a cross-repo dependency that is done, an unknown one that blocks, the interface change to react to', () => {
    const { code, json } = cli('dispatch', 'ledger-cli', '--json');
    expect(code).toBe(0);
    const plan = 'workplans/LCLI-WP-0001-currency-flag.md';
    expect(withoutSyncTime(json)).toEqual({
      schema_version: 1,
      kind: 'dispatch',
      repo_slug: 'ledger-cli',
      active_goal: { id: 'GOAL-2', title: 'Every CLI posting names its currency', priority: 2, repo_slug: 'ledger-cli', file: 'goals/GOAL-2-currency.md' },
      active_workstreams: [
        {
          id: 'LCLI-WP-0001',
          title: 'Send the posting currency',
          status: 'active',
          repo_slug: 'ledger-cli',
          file: plan,
          pending_tasks: [
            pending('LCLI-WP-0001-T01', '`--currency` flag', 'todo', 'high', plan, 17),
            pending('LCLI-WP-0001-T02', 'Release notes', 'todo', 'medium', plan, 28, {
              ready: false,
              blocked_by: [
                { id: 'LCLI-WP-0001-T01', reason: 'not-done', status: 'todo', repo_slug: 'ledger-cli' },
                { id: 'LEDG-WP-0009-T01', reason: 'unknown', status: null, repo_slug: null },
              ],
            }),
          ],
          pending_total: 2,
        },
      ],
      ready_tasks: ['LCLI-WP-0001-T01'],
      ready_tasks_total: 1,
      human_interventions: [],
      human_interventions_total: 0,
      pending_interface_changes: [IC7],
      last_state_synced_at: 'T',
    });
  });

  it('docs-site: a task in a block quote, the fenced example ignored, no goal, the backlog', () => {
    const { code, json } = cli('dispatch', 'docs-site', '--json');
    expect(code).toBe(0);
    const plan = 'workplans/DOCS-WP-0001-api-guide.md';
    expect(withoutSyncTime(json)).toEqual({
      schema_version: 1,
      kind: 'dispatch',
      repo_slug: 'docs-site',
      active_goal: null,
      active_workstreams: [
        { id: 'DOCS-WP-0001', title: 'API guide refresh', status: 'active', repo_slug: 'docs-site', file: plan, pending_tasks: [pending('DOCS-WP-0001-T02', 'Currency examples', 'todo', 'medium', plan, 27)], pending_total: 1 },
        {
          id: 'docs-site:backlog',
          title: 'Backlog',
          status: 'active',
          repo_slug: 'docs-site',
          file: null,
          pending_tasks: [pending('DOCS-9', 'Fix the broken links on the changelog page', 'todo', 'low', 'docs/tasks/DOCS-9-broken-links.md', 1)],
          pending_total: 1,
        },
      ],
      ready_tasks: ['DOCS-WP-0001-T02', 'DOCS-9'],
      ready_tasks_total: 2,
      human_interventions: [],
      human_interventions_total: 0,
      pending_interface_changes: [IC7],
      last_state_synced_at: 'T',
    });
  });

  it('trims with --limit and says so, the totals the full counts', () => {
    const { json } = cli('dispatch', 'ledger-api', '--json', '--limit', '1');
    expect(json.active_workstreams.map((w: any) => [w.id, w.pending_tasks.map((t: any) => t.id), w.truncated, w.pending_total])).toEqual([
      ['LEDG-WP-0001', ['LEDG-WP-0001-T02'], true, 4],
      ['LEDG-WP-0002', ['LEDG-WP-0002-T02'], true, 2],
      ['ledger-api:backlog', ['LEDG-43'], true, 2],
    ]);
    expect(Object.keys(json.active_workstreams[0])).toEqual(['id', 'title', 'status', 'repo_slug', 'file', 'pending_tasks', 'pending_total', 'truncated']);
    expect(json).toMatchObject({ ready_tasks: ['LEDG-WP-0001-T02'], ready_tasks_total: 5, ready_tasks_truncated: true, human_interventions_total: 1 });
    expect(json.human_interventions).toHaveLength(1);
    expect(json).not.toHaveProperty('human_interventions_truncated');
    expect(Object.keys(json)).toEqual(CUT_READY_LIST_KEYS);
  });

  it('carries its totals with --limit 0, and no truncation marker', () => {
    const { code, json } = cli('dispatch', 'ledger-api', '--json', '--limit', '0');
    expect(code).toBe(0);
    expect(json.ready_tasks).toHaveLength(5);
    expect(json.ready_tasks_total).toBe(json.ready_tasks.length);
    expect(json.human_interventions_total).toBe(1);
    expect(json.active_workstreams.map((w: any) => [w.id, w.pending_total, w.pending_tasks.length])).toEqual([
      ['LEDG-WP-0001', 4, 4],
      ['LEDG-WP-0002', 2, 2],
      ['ledger-api:backlog', 2, 2],
    ]);
    for (const ws of json.active_workstreams) expect(ws).not.toHaveProperty('truncated');
    expect(json).not.toHaveProperty('ready_tasks_truncated');
    expect(json).not.toHaveProperty('human_interventions_truncated');
    // The whole answer is the default one when nothing is cut.
    expect(withoutSyncTime(json)).toEqual(withoutSyncTime(cli('dispatch', 'ledger-api', '--json').json));
  });

  it('refuses a limit that is not a whole number, and an unknown repo', () => {
    expect(cli('dispatch', 'ledger-api', '--json', '--limit', 'lots')).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(cli('dispatch', 'nope', '--json')).toMatchObject({
      code: 1,
      json: { schema_version: 1, kind: 'error', code: 'not-found', message: 'no repo nope in the workspace (try `custodian repo list`)' },
    });
    expect(runCli(['-w', root, 'dispatch', 'nope'])).toMatchObject({ code: 1, stdout: '', stderr: 'custodian: no repo nope in the workspace (try `custodian repo list`)\n' });
  });

  it('prints a human view that fits 80 columns', () => {
    const { code, stdout } = runCli(['-w', root, 'dispatch', 'ledger-api']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines.slice(1, 16)).toEqual([
      'goal  GOAL-1 [p1]  Clients can retry any write safely',
      '5 ready tasks, 1 needing a human, 2 blocked, 0 interface changes',
      '',
      'ready, in the order to take them',
      '   1. LEDG-WP-0001-T02  in_progress  medium    1.2 — Expire old keys',
      '   2. LEDG-43           in_progress  medium    Fix the flaky balance snapshot t…',
      '   3. LEDG-WP-0001-T03  todo         critical  2.1 — Honour `Idempotency-Key` o…',
      '   4. LEDG-WP-0002-T02  todo         high      Reject postings whose legs mix c…',
      '   5. LEDG-42           todo         high      Rotate the webhook signing keys',
      '',
      'blocked',
      '  ! LEDG-WP-0001-T04  todo         low       2.2 — Document the header for clie…',
      '      waits for LEDG-WP-0001-T03 (todo)',
      '  ! LEDG-WP-0002-T03  blocked      medium    Add exchange-rate snapshots for re…',
      '      waits for LEDG-WP-0002-T02 (todo)',
    ]);
    // The ready list is ready_tasks, in its order.
    const ready = lines.filter((line) => /^ +\d+\. /.test(line)).map((line) => line.trim().split(/\s+/)[1]);
    expect(ready).toEqual(cli('dispatch', 'ledger-api', '--json').json.ready_tasks);
    expect(lines).toContain('  LEDG-WP-0001  Idempotent po…  4 pending: 2 ready, 1 blocked, 1 needing a human');
    expect(lines).toContain('needs a human');
  });
});

describe('custodian next on the example workspace', () => {
  it('answers an agent its own task in progress first, with description, criteria, lines and workplan', () => {
    const { code, json } = cli('next', '--as', 'agent-7', '--json');
    expect(code).toBe(0);
    expect(json).toEqual({
      schema_version: 1,
      kind: 'next',
      task: {
        id: 'LEDG-WP-0001-T02',
        local_id: null,
        title: '1.2 — Expire old keys',
        status: 'in_progress',
        status_raw: 'in_progress',
        priority: 'medium',
        depends_on: ['LEDG-WP-0001-T01'],
        needs_human: false,
        assignee: 'agent-7',
        workplan_id: 'LEDG-WP-0001',
        repo_slug: 'ledger-api',
        file: API_PLAN,
        line: 32,
        priority_raw: 'medium',
        end_line: 38,
        declared_in: ['block'],
        valid: true,
        description:
          'A nightly job deletes keys older than the retention window.\n\nAcceptance criteria:\n\n- [x] job deletes expired rows in batches of 1,000\n- [ ] job exposes a `keys_expired_total` metric',
        description_lines: [40, 45],
        acceptance_criteria: [
          { text: 'job deletes expired rows in batches of 1,000', checked: true, line: 44 },
          { text: 'job exposes a `keys_expired_total` metric', checked: false, line: 45 },
        ],
        fields: { id: 'LEDG-WP-0001-T02', status: 'in_progress', priority: 'medium', depends_on: ['LEDG-WP-0001-T01'], assignee: 'agent-7' },
        workstream: 'LEDG-WP-0001',
        workplan: { id: 'LEDG-WP-0001', title: 'Idempotent postings', status: 'active', repo_slug: 'ledger-api', file: API_PLAN },
        ready: true,
        blocked_by: [],
      },
    });
  });

  it('skips tasks others hold: in progress tasks go to their assignee only, then free todo tasks in dispatch order', () => {
    // LEDG-WP-0001-T02 is agent-7's; LEDG-43 is in progress with no assignee (held the old way).
    for (const args of [[], ['--as', 'agent-8']]) {
      const { code, json } = cli('next', ...args, '--json');
      expect(code).toBe(0);
      expect(json.task).toMatchObject({ id: 'LEDG-WP-0001-T03', status: 'todo', priority: 'critical', assignee: null, line: 51 });
    }
    // dispatch still lists everything pending.
    expect(cli('dispatch', 'ledger-api', '--json').json.ready_tasks).toContain('LEDG-WP-0001-T02');
  });

  it('answers per repo, a backlog task with no workplan', () => {
    expect(cli('next', 'ledger-cli', '--json').json.task).toMatchObject({ id: 'LCLI-WP-0001-T01', repo_slug: 'ledger-cli', workstream: 'LCLI-WP-0001' });
    expect(cli('next', 'docs-site', '--json').json.task).toMatchObject({ id: 'DOCS-WP-0001-T02', workplan: { id: 'DOCS-WP-0001' } });
  });

  it('exits 1 for an unknown repo and prints a human view otherwise', () => {
    expect(cli('next', 'nope', '--json')).toMatchObject({ code: 1, json: { kind: 'error', code: 'not-found' } });
    const { code, stdout } = runCli(['-w', root, 'next', 'ledger-cli']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['LCLI-WP-0001-T01  `--currency` flag', 'todo, priority high  (LCLI-WP-0001)', 'ledger-cli/workplans/LCLI-WP-0001-currency-flag.md:17-22']);
    expect(stdout).toContain('claim it: custodian task claim ledger-cli:LCLI-WP-0001-T01 --as NAME');
  });
});
