// Dispatch over a workspace built for its edge cases: a cancelled and an ambiguous dependency, a
// dependency on a task of a workplan whose front-matter fails, task files attached to a workplan
// (or to one that does not exist), a goal inherited from the domain, resolved interface changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { workspace } from './workspace.js';

const FENCE = '```';
const block = (id: string, lines: string[] = []) => [`${FENCE}task`, `id: ${id}`, ...lines, FENCE, ''];
const taskFile = (id: string, lines: string[] = []) => ['---', `id: ${id}`, `title: Task ${id}`, ...lines, '---', ''].join('\n');

let root: string;
beforeAll(() => {
  root = workspace(
    [
      { slug: 'api', domain: 'pay' },
      { slug: 'cli', domain: 'pay' },
      { slug: 'ops', domain: 'infra' },
    ],
    {
      'repos/api/workplans/API-WP-1.md': [
        '---',
        'id: API-WP-1',
        'title: Edge cases',
        'created: "2026-01-05"',
        '---',
        '',
        '## Done already',
        ...block('API-WP-1-T01', ['status: done']),
        '## Needs a cancelled task',
        ...block('API-WP-1-T02', ['depends_on: [T01, CLI-WP-1-T01]']),
        '## Needs a duplicated id',
        ...block('API-WP-1-T03', ['depends_on: [DUP-9]']),
        '## Needs a task of a broken file',
        ...block('API-WP-1-T04', ['depends_on: [BROKEN-WP-T01]']),
      ].join('\n'),
      'repos/api/docs/tasks/API-5.md': taskFile('API-5', ['workplan: API-WP-1']),
      'repos/api/docs/tasks/API-6.md': taskFile('API-6', ['workplan: NOPE-WP']),
      'repos/api/docs/tasks/DUP-9.md': taskFile('DUP-9'),
      'repos/cli/docs/tasks/DUP-9.md': taskFile('DUP-9', ['status: done']),
      'repos/cli/workplans/CLI-WP-1.md': ['---', 'id: CLI-WP-1', '---', '', ...block('CLI-WP-1-T01', ['status: dropped'])].join('\n'),
      'repos/cli/goals/PAY-2.md': ['---', 'id: PAY-2', 'title: Second for the domain', 'domain: pay', 'status: active', 'priority: 3', '---', ''].join('\n'),
      'repos/cli/goals/PAY-1.md': ['---', 'id: PAY-1', 'title: First for the domain', 'domain: pay', 'status: active', 'priority: 1', '---', ''].join('\n'),
      'repos/cli/interface-changes/IC-1.md': ['---', 'id: IC-1', 'title: Done with', 'status: published', 'affected_repos: [api]', 'resolved_at: "2026-02-01"', '---', ''].join('\n'),
      'repos/cli/interface-changes/IC-2.md': ['---', 'id: IC-2', 'title: Still open', 'status: published', 'affected_repos: [api, ops]', '---', ''].join('\n'),
      'repos/ops/workplans/BROKEN-WP.md': ['---', 'id: BROKEN-WP', 'title: [unclosed', '---', '', ...block('BROKEN-WP-T01', ['status: done']), ...block('BROKEN-WP-T02')].join('\n'),
    },
    ['pay', 'infra'],
  );
});
afterAll(removeTempDirs);

const cli = (...args: string[]) => runCliJson(['-w', root, ...args]);

describe('dispatch edge cases', () => {
  it('reports cancelled and ambiguous dependencies, resolves ids in a broken file, attaches task files to their workplan', () => {
    const { code, json } = cli('dispatch', 'api', '--json');
    expect(code).toBe(0);
    expect(json.active_goal).toEqual({ id: 'PAY-1', title: 'First for the domain', priority: 1, repo_slug: 'cli', file: 'goals/PAY-1.md' });
    const plan = 'workplans/API-WP-1.md';
    const item = (id: string, file: string, line: number, blocked_by: object[] = []) => ({
      id,
      title: id.startsWith('API-WP') ? expect.any(String) : `Task ${id}`,
      status: 'todo',
      priority: 'medium',
      needs_human: false,
      assignee: null,
      ready: blocked_by.length === 0,
      blocked_by,
      file,
      line,
    });
    expect(json.active_workstreams).toEqual([
      {
        id: 'API-WP-1',
        title: 'Edge cases',
        status: 'active',
        repo_slug: 'api',
        file: plan,
        pending_tasks: [
          item('API-WP-1-T04', plan, 26),
          item('API-5', 'docs/tasks/API-5.md', 1),
          item('API-WP-1-T02', plan, 14, [{ id: 'CLI-WP-1-T01', reason: 'cancelled', status: 'cancelled', repo_slug: 'cli' }]),
          item('API-WP-1-T03', plan, 20, [{ id: 'DUP-9', reason: 'ambiguous', status: null, repo_slug: null }]),
        ],
        pending_total: 4,
      },
      { id: 'api:backlog', title: 'Backlog', status: 'active', repo_slug: 'api', file: null, pending_tasks: [item('DUP-9', 'docs/tasks/DUP-9.md', 1)], pending_total: 1 },
    ]);
    expect(json.ready_tasks).toEqual(['API-WP-1-T04', 'API-5', 'DUP-9']);
    expect(json.pending_interface_changes.map((c: any) => `${c.repo_slug}:${c.id}`)).toEqual(['cli:IC-2']);
  });

  it('never makes a task of a file whose front-matter failed ready', () => {
    expect(cli('next', 'ops', '--json')).toMatchObject({ code: 0, json: { schema_version: 1, kind: 'next', task: null } });
    const { json } = cli('dispatch', 'ops', '--json');
    expect(json).toMatchObject({ active_goal: null, active_workstreams: [], ready_tasks: [], pending_interface_changes: [{ id: 'IC-2' }] });
    expect(runCli(['-w', root, 'next', 'ops'])).toMatchObject({ code: 0, stdout: 'nothing is ready in ops\n' });
  });

  it('answers next across repos in dispatch order', () => {
    expect(cli('next', '--json').json.task).toMatchObject({ id: 'API-WP-1-T04', repo_slug: 'api', workstream: 'API-WP-1' });
  });

  it('draws the broken file, the cancelled and the ambiguous dependency in the graph', () => {
    const { code, stdout } = runCli(['-w', root, 'graph', 'api', '--format', 'mermaid']);
    expect(code).toBe(0);
    expect(stdout).toContain('  t_CLI_WP_1_T01 --> t_API_WP_1_T02\n');
    expect(stdout).toContain('  a_DUP_9["DUP-9<br/>(declared 2 times)"]\n');
    expect(stdout).toContain('  a_DUP_9 -.-> t_API_WP_1_T03\n');
    expect(stdout).toContain('  t_BROKEN_WP_T01["ops:BROKEN-WP-T01<br/>BROKEN-WP-T01"]\n');
    expect(stdout).toMatch(/\n {2}class [^\n]*t_API_WP_1_T04[^\n]* ready\n/);
    expect(runCli(['-w', root, 'graph', '--format', 'svg'])).toMatchObject({ code: 2 });
    expect(runCli(['-w', root, 'graph', 'nope'])).toMatchObject({ code: 1 });
  });
});
