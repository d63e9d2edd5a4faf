import { describe, expect, it } from 'vitest';
import { buildDispatch, isoSeconds, type DispatchInput } from '../../src/dispatch/assemble.js';
import { activeGoal } from '../../src/dispatch/goals.js';
import { pendingInterfaceChanges } from '../../src/dispatch/interface-changes.js';
import { limitDispatch } from '../../src/dispatch/limit.js';
import { lookupFrom } from '../../src/dispatch/queue.js';
import { workplanCatalog } from '../../src/dispatch/workstreams.js';
import type { QueueTask, WorkplanInfo } from '../../src/dispatch/types.js';
import { change, goal, task, workplan } from './rows.js';
import { CUT_READY_LIST_KEYS } from './dispatch-keys.js';

function input(tasks: QueueTask[], plans: WorkplanInfo[], extra: Partial<DispatchInput> = {}): DispatchInput {
  return { repo: 'api', domain: 'pay', tasks, catalog: workplanCatalog(plans), lookup: lookupFrom(tasks), goals: [], interfaceChanges: [], syncedAt: null, ...extra };
}

describe('active goal', () => {
  it('takes the lowest integer priority among the repo goals, a missing priority last, ties by id', () => {
    const goals = [goal('G-9', { priority: null }), goal('G-3', { priority: 2 }), goal('G-2', { priority: 2 }), goal('G-1', { priority: 5 })];
    expect(activeGoal(goals, 'api', 'pay')?.id).toBe('G-2');
    expect(activeGoal([goal('G-9'), goal('G-8')], 'api', 'pay')?.id).toBe('G-8');
  });

  it('counts goals naming the repo and goals living in it that name neither repo nor domain', () => {
    const goals = [
      goal('ELSEWHERE', { repo: 'web', repo_field: 'api', priority: 3 }),
      goal('OTHER-REPO', { repo: 'api', repo_field: 'web', priority: 0 }),
      goal('DOMAIN-ONLY', { repo: 'api', domain: 'pay', priority: 0 }),
      goal('HERE', { repo: 'api', priority: 4 }),
    ];
    expect(activeGoal(goals, 'api', 'pay')?.id).toBe('ELSEWHERE');
    expect(activeGoal(goals.slice(1), 'api', 'pay')?.id).toBe('HERE');
  });

  it("falls back to the lowest active goal naming the repo's domain, then to none", () => {
    const goals = [
      goal('MINE-DONE', { status: 'achieved', priority: 0 }),
      goal('DOM-2', { repo: 'web', domain: 'pay', priority: 2 }),
      goal('DOM-1', { repo: 'web', domain: 'pay', priority: 1 }),
      goal('DOM-FOR-WEB', { repo: 'web', domain: 'pay', repo_field: 'web', priority: 0 }),
      goal('OTHER-DOMAIN', { repo: 'web', domain: 'docs', priority: 0 }),
    ];
    expect(activeGoal(goals, 'api', 'pay')?.id).toBe('DOM-1');
    expect(activeGoal(goals, 'api', 'ops')).toBeNull();
  });
});

describe('pending interface changes', () => {
  it('keeps published, unresolved changes affecting the repo, soonest planned first', () => {
    const changes = [
      change('IC-1', { fields: { planned_for: '2026-12-01', change_type: 'breaking', interface_type: 'api', repo: 'api', affected_paths: ['a.py'] } }),
      change('IC-2', { status: 'draft' }),
      change('IC-3', { fields: { resolved_at: '2026-11-01' } }),
      change('IC-4', { affected_repos: ['web'] }),
      change('IC-5', { fields: { planned_for: '2026-11-01', resolved_at: null } }),
      change('IC-6', { fields: { resolved_at: '' } }),
    ];
    const pending = pendingInterfaceChanges(changes, 'cli');
    expect(pending.map((c) => c.id)).toEqual(['IC-5', 'IC-1', 'IC-6']);
    expect(pending[1]).toEqual({
      id: 'IC-1',
      repo_slug: 'api',
      file: 'interface-changes/IC-1.md',
      title: 'Change IC-1',
      status: 'published',
      change_type: 'breaking',
      interface_type: 'api',
      origin_repo: 'api',
      affected_repos: ['cli'],
      affected_paths: ['a.py'],
      planned_for: '2026-12-01',
      published_at: null,
    });
  });
});

describe('dispatch assembly', () => {
  it('lists active workstreams with pending tasks (ready first), by created then id, then the backlog', () => {
    const late = workplan('WP-2', { created: '2026-05-01' });
    const early = workplan('WP-1', { created: '2026-02-01' });
    const draft = workplan('WP-0', { status: 'draft', created: '2025-01-01' });
    const finished = workplan('WP-3', { status: 'active' });
    const tasks = [
      task('WP-2-T01', late, { ordinal: 0, status: 'blocked' }),
      task('WP-2-T02', late, { ordinal: 1 }),
      task('WP-1-T01', early, { status: 'done' }),
      task('WP-0-T01', draft),
      task('WP-3-T01', finished, { status: 'done' }),
      task('B-1', null, { needs_human: true, priority: 'high', line: 3 }),
      task('OUT', null, { repo: 'web' }),
    ];
    const doc = buildDispatch(input(tasks, [late, early, draft, finished], { syncedAt: '2026-11-23T21:40:00.123Z' }));
    expect(doc.active_workstreams.map((w) => [w.id, w.pending_tasks.map((t) => t.id)])).toEqual([
      ['WP-2', ['WP-2-T02', 'WP-2-T01']],
      ['api:backlog', ['B-1']],
    ]);
    expect(doc.active_workstreams[1]).toMatchObject({ id: 'api:backlog', title: 'Backlog', status: 'active', repo_slug: 'api', file: null });
    expect(doc.ready_tasks).toEqual(['WP-2-T02']);
    expect(doc.human_interventions).toEqual([
      { id: 'B-1', title: 'Task B-1', status: 'todo', priority: 'high', needs_human: true, assignee: null, ready: false, blocked_by: [], file: 'docs/tasks/B-1.md', line: 3 },
    ]);
    expect(doc.last_state_synced_at).toBe('2026-11-23T21:40:00Z');
    expect(doc.active_goal).toBeNull();
  });

  it('trims each list to the limit and says so, with the full count', () => {
    const plan = workplan('WP-1');
    const tasks = Array.from({ length: 7 }, (_, i) => task(`WP-1-T${i + 1}`, plan, { ordinal: i, needs_human: i >= 5 }));
    const doc = buildDispatch(input(tasks, [plan]));
    const limited = limitDispatch(doc, 3);
    expect(limited.active_workstreams[0].pending_tasks.map((t) => t.id)).toEqual(['WP-1-T1', 'WP-1-T2', 'WP-1-T3']);
    expect(limited.active_workstreams[0]).toMatchObject({ truncated: true, pending_total: 7 });
    expect(limited.ready_tasks).toEqual(['WP-1-T1', 'WP-1-T2', 'WP-1-T3']);
    expect(limited).toMatchObject({ ready_tasks_truncated: true, ready_tasks_total: 5 });
    expect(limited.human_interventions).toHaveLength(2);
    expect(limited.human_interventions_total).toBe(2);
    expect('human_interventions_truncated' in limited).toBe(false);
    expect(Object.keys(limited)).toEqual(CUT_READY_LIST_KEYS);
    // Trimming a trimmed document again keeps the full counts and the markers.
    expect(limitDispatch(limited, 5)).toEqual(limited);
    expect(limitDispatch(doc, 0)).toBe(doc);
    expect(doc).toMatchObject({ ready_tasks_total: 5, human_interventions_total: 2 });
    expect(doc.active_workstreams[0].pending_total).toBe(7);
    expect(limitDispatch(doc, 7).active_workstreams[0]).not.toHaveProperty('truncated');
  });

  it('prints times as UTC whole seconds', () => {
    expect(isoSeconds('2026-11-23T21:40:00.999Z')).toBe('2026-11-23T21:40:00Z');
    expect(isoSeconds(null)).toBeNull();
  });
});
