// search, task list's --ready/--assignee/--priority, and goal/interface-change/decision
// list|show, through the real CLI on a copy of the example workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { fixtureCopy } from '../dispatch/workspace.js';

let root: string;
beforeAll(() => {
  root = fixtureCopy();
});
afterAll(removeTempDirs);

const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
const ids = (json: { items: { id: string | null }[] }) => json.items.map((item) => item.id);

describe('custodian search', () => {
  it('finds every kind by words of titles and descriptions, ranked, stems matched', async () => {
    const { code, json } = await cli('search', 'keys', '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({ schema_version: 1, kind: 'search', mode: 'workspace', query: 'keys', truncated: false });
    // Titles weigh more than descriptions: the task titled with "keys" first.
    expect(ids(json)).toEqual(['LEDG-WP-0001-T01', 'LEDG-WP-0001-T03', 'LEDG-42', 'LEDG-WP-0001-T02', 'LEDG-WP-0001']);
    expect(json.items[0]).toEqual({
      kind: 'task',
      id: 'LEDG-WP-0001-T01',
      title: '1.1 — Add the `idempotency_keys` table',
      status: 'done',
      assignee: null,
      workplan_id: 'LEDG-WP-0001',
      repo_slug: 'ledger-api',
      file: 'workplans/LEDG-WP-0001-idempotent-postings.md',
      line: 22,
      excerpt: 'A table keyed by `(client_id, key)` holding the response of the first request, kept 24 hours.',
      score: expect.any(Number),
    });
    expect(json.items[0].score).toBeGreaterThan(json.items[4].score);
    // "rotating signing" finds "Rotate the webhook signing keys"; every word must match.
    expect(ids((await cli('search', 'rotating', 'signing', '--json')).json)).toEqual(['LEDG-42']);
    expect(ids((await cli('search', 'floating', 'point', '--json')).json)).toEqual(['ADR-3']);
  });

  it('filters by kind, status, repo and limit, and says when it cut the list', async () => {
    expect(ids((await cli('search', 'keys', '--kind', 'workplan', '--json')).json)).toEqual(['LEDG-WP-0001']);
    expect(ids((await cli('search', 'keys', '--status', 'todo', '--json')).json)).toEqual(['LEDG-WP-0001-T03', 'LEDG-42']);
    // `completed` is a task's done and a workplan's completed.
    expect(ids((await cli('search', 'keys', '--status', 'completed', '--json')).json)).toEqual(['LEDG-WP-0001-T01']);
    expect(ids((await cli('search', 'currency', '--repo', 'ledger-cli', '--kind', 'goal', '--json')).json)).toEqual(['GOAL-2']);
    const limited = (await cli('search', 'keys', '--limit', '2', '--json')).json;
    expect(ids(limited)).toEqual(['LEDG-WP-0001-T01', 'LEDG-WP-0001-T03']);
    expect(limited.truncated).toBe(true);
  });

  it('exits 1 with an empty list when nothing matches, 2 on bad input, and prints a human view', async () => {
    expect(await cli('search', 'zebra', '--json')).toMatchObject({ code: 1, json: { kind: 'search', items: [] } });
    expect(await cli('search', '--json', '--', '+++')).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(await cli('search', 'keys', '--kind', 'memo', '--json')).toMatchObject({ code: 2, json: { kind: 'error', code: 'usage' } });
    expect(await cli('search', 'keys', '--repo', 'nope', '--json')).toMatchObject({ code: 1, json: { kind: 'error', code: 'not-found' } });
    const { code, stdout } = await runCliAsync(['-w', root, 'search', 'floating', 'point']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'ADR-3  decision          accepted     Amounts are integers of minor units  ledger-api/decisions/ADR-3-integer-amounts.md:1\n' +
        '       Floating point cannot represent cents exactly; integer minor units can.\n',
    );
  });
});

describe('task list filters', () => {
  it('--assignee, --priority and --ready narrow the list, and items carry the assignee', async () => {
    const held = (await cli('task', 'list', '--assignee', 'agent-7', '--json')).json;
    expect(held.items).toEqual([expect.objectContaining({ id: 'LEDG-WP-0001-T02', status: 'in_progress', assignee: 'agent-7' })]);
    expect(ids((await cli('task', 'list', '--priority', 'critical', '--json')).json)).toEqual(['LEDG-WP-0001-T03']);
    // Ready as dispatch decides, in every repo: held tasks are still ready (dispatch lists them).
    expect(ids((await cli('task', 'list', '--ready', '--json')).json).sort()).toEqual(
      ['DOCS-WP-0001-T02', 'DOCS-9', 'LCLI-WP-0001-T01', 'LEDG-42', 'LEDG-43', 'LEDG-WP-0001-T02', 'LEDG-WP-0001-T03', 'LEDG-WP-0002-T02'].sort(),
    );
    expect(ids((await cli('task', 'list', '--ready', '--priority', 'high', '--repo', 'ledger-api', '--json')).json)).toEqual(['LEDG-42', 'LEDG-WP-0002-T02']);
    expect(await cli('task', 'list', '--priority', 'urgent', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect((await runCliAsync(['-w', root, 'task', 'list', '--assignee', 'agent-7'])).stdout).toBe(
      'ledger-api\n  [~] LEDG-WP-0001-T02  in_progress  medium    1.2 — Expire old keys  @agent-7\n',
    );
  });
});

describe('goal, interface-change and decision list|show', () => {
  it('lists each kind with its own fields, filtered like workplan list', async () => {
    const goals = (await cli('goal', 'list', '--json')).json;
    expect(goals).toMatchObject({ schema_version: 1, kind: 'goal-list', mode: 'workspace' });
    expect(goals.items).toEqual([
      {
        id: 'GOAL-1', title: 'Clients can retry any write safely', status: 'active', status_raw: 'active', created: null, updated: null, valid: true,
        repo_slug: 'ledger-api', file: 'goals/GOAL-1-safe-retries.md', line: 1, priority: 1, repo: null, domain: null,
      },
      expect.objectContaining({ id: 'GOAL-2', repo_slug: 'ledger-cli', priority: 2 }),
    ]);
    expect(ids((await cli('goal', 'list', '--repo', 'ledger-cli', '--json')).json)).toEqual(['GOAL-2']);
    expect(ids((await cli('goal', 'list', '--status', 'achieved', '--json')).json)).toEqual([]);
    expect((await cli('interface-change', 'list', '--json')).json.items).toEqual([
      expect.objectContaining({
        id: 'IC-7', status: 'published', change_type: 'breaking', interface_type: 'api', origin_repo: 'ledger-api',
        affected_repos: ['ledger-cli', 'docs-site'], affected_paths: ['api/postings.py'], planned_for: '2026-12-01', published_at: '2026-11-15', resolved_at: null,
      }),
    ]);
    expect((await cli('decision', 'list', '--domain', 'payments', '--json')).json.items).toEqual([expect.objectContaining({ id: 'ADR-3', status: 'accepted', resolved: '2026-10-21' })]);
  });

  it('shows one with its text and every front-matter key; unknown ids exit 1', async () => {
    const { code, json } = await cli('decision', 'show', 'ADR-3', '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({
      schema_version: 1,
      kind: 'decision',
      decision: { id: 'ADR-3', description: 'Floating point cannot represent cents exactly; integer minor units can.', fields: { id: 'ADR-3', type: 'decision', resolved: '2026-10-21' } },
    });
    expect((await cli('goal', 'show', 'ledger-cli:GOAL-2', '--json')).json.goal).toMatchObject({ id: 'GOAL-2', description: '', fields: { priority: 2 } });
    expect((await cli('interface-change', 'show', 'IC-7', '--json')).json).toMatchObject({ kind: 'interface-change', interface_change: { id: 'IC-7', change_type: 'breaking' } });
    expect(await cli('goal', 'show', 'GOAL-9', '--json')).toMatchObject({ code: 1, json: { kind: 'error', code: 'not-found' } });
    expect((await runCliAsync(['-w', root, 'goal', 'list'])).stdout).toBe(
      'GOAL-1  active      p1          ledger-api  Clients can retry any write safely\nGOAL-2  active      p2          ledger-cli  Every CLI posting names its currency\n',
    );
  });
});
