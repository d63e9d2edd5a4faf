import { describe, expect, it } from 'vitest';
import { assessQueue, lookupFrom, readyQueue } from '../../src/dispatch/queue.js';
import { workplanCatalog } from '../../src/dispatch/workstreams.js';
import type { QueueTask, WorkplanInfo } from '../../src/dispatch/types.js';
import { task, workplan } from './rows.js';

function assess(tasks: QueueTask[], plans: WorkplanInfo[], options = {}) {
  const entries = assessQueue(tasks, workplanCatalog(plans), lookupFrom(tasks), options);
  return Object.fromEntries(entries.map((e) => [e.task.id ?? `row${e.task.row_id}`, { ready: e.ready, blocked_by: e.blocked_by }]));
}

describe('readiness', () => {
  it('is ready when todo or in_progress, every dependency done, its workplan active', () => {
    const plan = workplan('WP-1');
    const done = task('WP-1-T01', plan, { status: 'done' });
    const todo = task('WP-1-T02', plan, { depends_on: ['WP-1-T01'] });
    const wip = task('WP-1-T03', plan, { status: 'in_progress', depends_on: ['WP-1-T01'] });
    const blocked = task('WP-1-T04', plan, { status: 'blocked' });
    expect(assess([done, todo, wip, blocked], [plan])).toEqual({
      'WP-1-T03': { ready: true, blocked_by: [] },
      'WP-1-T02': { ready: true, blocked_by: [] },
      'WP-1-T04': { ready: false, blocked_by: [] },
      'WP-1-T01': { ready: false, blocked_by: [] },
    });
  });

  it('lists every dependency that is not done, with each reason and status', () => {
    const plan = workplan('WP-1');
    const other = workplan('WP-2', { repo: 'web', file: 'workplans/WP-2.md' });
    const tasks = [
      task('WP-1-T01', plan, { status: 'in_progress' }),
      task('WP-1-T02', plan, { status: 'cancelled' }),
      task('DUP-1', plan, { status: 'done' }),
      task('DUP-1', other, { status: 'done' }),
      task('WP-2-T01', other, { status: 'blocked' }),
      task('WP-1-T09', plan, { depends_on: ['WP-1-T01', 'WP-1-T02', 'NOPE-T99', 'DUP-1', 'WP-2-T01'] }),
    ];
    expect(assess(tasks, [plan, other])['WP-1-T09']).toEqual({
      ready: false,
      blocked_by: [
        { id: 'WP-1-T01', reason: 'not-done', status: 'in_progress' },
        { id: 'WP-1-T02', reason: 'cancelled', status: 'cancelled' },
        { id: 'NOPE-T99', reason: 'unknown', status: null },
        { id: 'DUP-1', reason: 'ambiguous', status: null },
        { id: 'WP-2-T01', reason: 'not-done', status: 'blocked' },
      ],
    });
  });

  it('looks a dependency up as written, then qualified with the workplan id, and reports the id it found', () => {
    const plan = workplan('WP-1');
    const tasks = [
      task('WP-1-T01', plan, { status: 'todo' }),
      task('WP-1-T02', plan, { depends_on: ['T01'] }),
      task('WP-1-T03', plan, { depends_on: ['T07'] }),
    ];
    const result = assess(tasks, [plan]);
    expect(result['WP-1-T02'].blocked_by).toEqual([{ id: 'WP-1-T01', reason: 'not-done', status: 'todo' }]);
    // Not found either way: the dependency is reported as written.
    expect(result['WP-1-T03'].blocked_by).toEqual([{ id: 'T07', reason: 'unknown', status: null }]);
  });

  it('prefers the id as written over the qualified one', () => {
    const plan = workplan('WP-1');
    const tasks = [task('T01', null, { status: 'done' }), task('WP-1-T01', plan, { status: 'todo' }), task('WP-1-T02', plan, { depends_on: ['T01'] })];
    expect(assess(tasks, [plan])['WP-1-T02']).toEqual({ ready: true, blocked_by: [] });
  });

  it('blocks on a dependency in another repo like any other', () => {
    const api = workplan('API-1');
    const cli = workplan('CLI-1', { repo: 'cli', file: 'workplans/CLI-1.md' });
    const tasks = [task('API-1-T01', api, { status: 'todo' }), task('CLI-1-T01', cli, { depends_on: ['API-1-T01'] })];
    expect(assess(tasks, [api, cli])['CLI-1-T01']).toEqual({ ready: false, blocked_by: [{ id: 'API-1-T01', reason: 'not-done', status: 'todo' }] });
    tasks[0].status = 'done';
    expect(assess(tasks, [api, cli])['CLI-1-T01']).toEqual({ ready: true, blocked_by: [] });
  });

  it('names a dependency written twice once', () => {
    const plan = workplan('WP-1');
    const tasks = [task('WP-1-T01', plan), task('WP-1-T02', plan, { depends_on: ['T01', 'WP-1-T01'] })];
    expect(assess(tasks, [plan])['WP-1-T02'].blocked_by).toEqual([{ id: 'WP-1-T01', reason: 'not-done', status: 'todo' }]);
  });

  it('is never ready in a draft, blocked, completed or cancelled workplan, or one whose front-matter failed', () => {
    for (const status of ['draft', 'blocked', 'completed', 'cancelled', null]) {
      const plan = workplan('WP-1', { status });
      expect(assess([task('WP-1-T01', plan)], [plan])['WP-1-T01'].ready).toBe(false);
    }
    const broken = workplan('WP-2', { status: null, valid: false });
    expect(assess([task('WP-2-T01', broken, { doc_valid: false })], [broken])['WP-2-T01'].ready).toBe(false);
  });

  it('is never ready when its own document is invalid, even in an active workplan', () => {
    const plan = workplan('WP-1');
    expect(assess([task('WP-1-T01', plan, { doc_valid: false })], [plan])['WP-1-T01'].ready).toBe(false);
  });

  it('keeps needs_human tasks out of the queue unless asked', () => {
    const plan = workplan('WP-1');
    const tasks = [task('WP-1-T01', plan, { needs_human: true })];
    expect(assess(tasks, [plan])['WP-1-T01'].ready).toBe(false);
    expect(assess(tasks, [plan], { includeHuman: true })['WP-1-T01'].ready).toBe(true);
  });

  it('puts a task file in its named workplan, in the backlog without one, nowhere when the name is unknown or duplicated', () => {
    const plan = workplan('WP-1');
    const twinA = workplan('WP-D', { file: 'workplans/a.md' });
    const twinB = workplan('WP-D', { file: 'workplans/b.md' });
    const draft = workplan('WP-X', { status: 'draft' });
    const tasks = [
      task('T-A', null, { workplan_id: 'WP-1' }),
      task('T-B', null),
      task('T-C', null, { workplan_id: 'WP-NONE' }),
      task('T-D', null, { workplan_id: 'WP-D' }),
      task('T-E', null, { workplan_id: 'WP-X' }),
    ];
    const result = assess(tasks, [plan, twinA, twinB, draft]);
    expect(Object.fromEntries(Object.entries(result).map(([id, r]) => [id, r.ready]))).toEqual({
      'T-A': true,
      'T-B': true,
      'T-C': false,
      'T-D': false,
      'T-E': false,
    });
  });

  it('is never ready without an id, or with an id its own repo declares twice', () => {
    const plan = workplan('WP-1');
    const other = workplan('WP-2', { repo: 'web', file: 'workplans/WP-2.md' });
    const tasks = [
      task(null, plan, { ordinal: 0 }),
      task('TWICE', plan, { ordinal: 1 }),
      task('TWICE', plan, { ordinal: 2 }),
      task('ACROSS', plan, { ordinal: 3 }),
      task('ACROSS', other, { ordinal: 0 }),
    ];
    const ready = assessQueue(tasks, workplanCatalog([plan, other]), lookupFrom(tasks)).map((e) => [e.task.id, e.task.repo, e.ready]);
    // Declared once per repo: `repo:id` names it, so it can be taken.
    expect(ready).toEqual([
      [null, 'api', false],
      ['TWICE', 'api', false],
      ['TWICE', 'api', false],
      ['ACROSS', 'api', true],
      ['ACROSS', 'web', true],
    ]);
  });
});

describe('queue order', () => {
  it('takes in_progress before todo, then priority, then workstream created and id, the backlog last, then position', () => {
    const early = workplan('WP-B', { created: '2026-01-01' });
    const late = workplan('WP-A', { created: '2026-03-01' });
    const sameDay = workplan('WP-C', { created: '2026-01-01' });
    const undated = workplan('WP-0', { created: null });
    const tasks = [
      task('late-high', late, { priority: 'high' }),
      task('backlog-critical', null, { priority: 'critical' }),
      task('early-high-2', early, { priority: 'high', ordinal: 2 }),
      task('early-high-1', early, { priority: 'high', ordinal: 1 }),
      task('sameday-high', sameDay, { priority: 'high' }),
      task('undated-high', undated, { priority: 'high' }),
      task('early-low-wip', early, { priority: 'low', status: 'in_progress' }),
      task('late-critical', late, { priority: 'critical' }),
      task('attached-high', null, { priority: 'high', workplan_id: 'WP-B', file: 'docs/tasks/a.md' }),
    ];
    const order = readyQueue(tasks, workplanCatalog([early, late, sameDay, undated]), lookupFrom(tasks)).map((e) => e.task.id);
    expect(order).toEqual([
      'early-low-wip',
      'late-critical',
      'backlog-critical',
      'early-high-1',
      'early-high-2',
      'attached-high',
      'sameday-high',
      'late-high',
      'undated-high',
    ]);
  });
});

describe('firstReady', () => {
  it('answers the first ready candidate of an ordered walk, and refuses a walk out of order', async () => {
    const { firstReady, OrderViolation } = await import('../../src/dispatch/next.js');
    const plan = workplan('WP-1');
    const blocked = task('WP-1-T01', plan, { priority: 'critical', depends_on: ['NOPE'] });
    const ready = task('WP-1-T02', plan, { priority: 'high' });
    const walk = [blocked, ready].map((t) => ({ task: t, workstream: { kind: 'workplan' as const, workplan: plan } }));
    const lookup = lookupFrom([blocked, ready]);
    expect(firstReady(walk, lookup)?.task.id).toBe('WP-1-T02');
    expect(firstReady(walk.slice(0, 1), lookup)).toBeNull();
    const late = task('WP-1-T03', plan, { priority: 'low', depends_on: ['NOPE'] });
    const unordered = [late, blocked].map((t) => ({ task: t, workstream: { kind: 'workplan' as const, workplan: plan } }));
    expect(() => firstReady(unordered, lookup)).toThrow(OrderViolation);
  });
});
