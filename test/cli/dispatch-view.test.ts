// The human dispatch view lists the ready tasks in ready_tasks' order and says why each blocked
// task is blocked, naming the repo of a dependency that lives in another one.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const block = (id: string, status: string, extra: string[] = []) => ['```task', `id: ${id}`, `status: ${status}`, ...extra, '```', ''];

describe('dispatch, for people', () => {
  it('ready tasks in the order to take them; each blocked task with its reasons, across repos', () => {
    const alpha = [
      '---',
      'id: A-WP-1',
      'status: active',
      '---',
      '',
      ...block('A-WP-1-T1', 'todo', ['priority: low']),
      ...block('A-WP-1-T2', 'todo', ['priority: high']),
      ...block('A-WP-1-T3', 'in_progress'),
      ...block('A-WP-1-T4', 'todo', ['depends_on: [B-WP-1-T1, T2, NOPE-1]']),
      ...block('A-WP-1-T5', 'blocked'),
    ].join('\n');
    const beta = ['---', 'id: B-WP-1', 'status: active', '---', '', ...block('B-WP-1-T1', 'in_progress')].join('\n');
    const ws = tempWorkspace({ alpha: { 'workplans/A-WP-1.md': alpha }, beta: { 'workplans/B-WP-1.md': beta } });

    const json = runCliJson(['-w', ws.root, 'dispatch', 'alpha', '--json']).json;
    expect(json.ready_tasks).toEqual(['A-WP-1-T3', 'A-WP-1-T2', 'A-WP-1-T1']);
    const t4 = json.active_workstreams[0].pending_tasks.find((t: any) => t.id === 'A-WP-1-T4');
    expect(t4.blocked_by).toEqual([
      { id: 'B-WP-1-T1', reason: 'not-done', status: 'in_progress', repo_slug: 'beta' },
      { id: 'A-WP-1-T2', reason: 'not-done', status: 'todo', repo_slug: 'alpha' },
      { id: 'NOPE-1', reason: 'unknown', status: null, repo_slug: null },
    ]);

    const { code, stdout } = runCli(['-w', ws.root, 'dispatch', 'alpha']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const from = lines.indexOf('ready, in the order to take them');
    expect(lines.slice(from, from + 14)).toEqual([
      'ready, in the order to take them',
      '   1. A-WP-1-T3  in_progress  medium    A-WP-1-T3',
      '   2. A-WP-1-T2  todo         high      A-WP-1-T2',
      '   3. A-WP-1-T1  todo         low       A-WP-1-T1',
      '',
      'blocked',
      '  ! A-WP-1-T4  todo         medium    A-WP-1-T4',
      '      waits for B-WP-1-T1 in beta (in_progress)',
      '      waits for A-WP-1-T2 (todo)',
      '      depends on NOPE-1, which names no task',
      '  ! A-WP-1-T5  blocked      medium    A-WP-1-T5',
      '      marked blocked in its file',
      '',
      'workstreams',
    ]);
  });
});
