// buildReport over a small workspace: the lists in dispatch order with the reasons they give, the
// per-repo limit, workstream progress, goals, interface changes by state and the graph.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build/index.js';
import { HOSTILE_TITLE, sampleInput } from './helpers/sample-input.js';

const ids = (items: { id: string | null }[]) => items.map((i) => i.id);

describe('buildReport', () => {
  const doc = buildReport(sampleInput());

  it('orders the ready queue as dispatch does across repos: in progress, priority, workstream created, backlog last', () => {
    expect(ids(doc.ready_tasks)).toEqual(['LED-WP-0001-T01', 'LED-WP-0002-T01', 'LED-WP-0001-T02', 'ALK-WP-0001-T02', 'LED-7']);
  });

  it('lists blocked tasks with every reason, naming the repo of a dependency that lives elsewhere', () => {
    expect(ids(doc.blocked_tasks)).toEqual(['ALK-WP-0001-T03', 'ALK-WP-0001-T05', 'SITE-WP-0001-T01', 'LED-WP-0002-T02']);
    const [crossRepo, ghost, site, marked] = doc.blocked_tasks;
    expect(crossRepo.blocked_by).toEqual([{ id: 'LED-WP-0001-T01', reason: 'not-done', status: 'in_progress', repo_slug: 'ledger' }]);
    expect(ghost.blocked_by).toEqual([{ id: 'NOPE-T99', reason: 'unknown', status: null, repo_slug: null }]);
    expect(site.blocked_by).toEqual([{ id: 'ALK-WP-0001-T02', reason: 'not-done', status: 'todo', repo_slug: 'alkhub' }]);
    expect(marked).toMatchObject({ status: 'blocked', blocked_by: [] });
  });

  it('lists tasks needing a human apart, and leaves out tasks of workplans that are not active', () => {
    expect(ids(doc.human_tasks)).toEqual(['ALK-WP-0001-T04']);
    const all = [...doc.ready_tasks, ...doc.blocked_tasks, ...doc.human_tasks].map((t) => t.id);
    expect(all).not.toContain('SITE-WP-0002-T01');
  });

  it('keeps untrusted titles as data (escaping is the template\'s job)', () => {
    expect(doc.ready_tasks.find((t) => t.id === 'LED-WP-0001-T02')?.title).toBe(HOSTILE_TITLE);
  });

  it('counts each repo\'s work and names its active goal and DoI tier', () => {
    expect(doc.repos.map((r) => [r.slug, r.tier, r.active_goal, r.counts])).toEqual([
      ['alkhub', 'standard', 'GOAL-1', { pending: 4, ready: 1, blocked: 2, human: 1, workstreams: 1, done: 1, total: 5 }],
      ['ledger', 'core', 'GOAL-9', { pending: 5, ready: 4, blocked: 1, human: 0, workstreams: 3, done: 0, total: 5 }],
      ['site', 'none', null, { pending: 1, ready: 0, blocked: 1, human: 0, workstreams: 1, done: 0, total: 3 }],
    ]);
  });

  it('lists active workstreams per repo in dispatch order with their progress', () => {
    expect(doc.workstreams.map((w) => [w.id, w.ready, w.counts.done, w.counts.total])).toEqual([
      ['ALK-WP-0001', 1, 1, 5],
      ['LED-WP-0002', 1, 0, 2],
      ['LED-WP-0001', 2, 0, 2],
      ['ledger:backlog', 1, 0, 1],
      ['SITE-WP-0001', 0, 0, 2],
    ]);
  });

  it('lists active goals by priority, a domain goal scoped to its domain', () => {
    expect(doc.goals.map((g) => [g.id, g.scope, g.target])).toEqual([
      ['GOAL-1', 'repo', 'alkhub'],
      ['GOAL-9', 'domain', 'payments'],
    ]);
  });

  it('lists interface changes draft, published, resolved', () => {
    expect(doc.interface_changes.map((c) => [c.id, c.status])).toEqual([
      ['IC-2', 'draft'],
      ['IC-1', 'published'],
      ['IC-3', 'resolved'],
    ]);
  });

  it('draws the listed tasks with what they depend on, cross-repo and unknown dependencies included', () => {
    const byKey = new Map(doc.graph.nodes.map((n) => [n.key, n]));
    const edges = doc.graph.edges.map((e) => `${byKey.get(e.from)?.id}->${byKey.get(e.to)?.id}${e.dashed ? ' (dashed)' : ''}`);
    expect(edges.sort()).toEqual([
      'ALK-WP-0001-T01->ALK-WP-0001-T02',
      'ALK-WP-0001-T02->SITE-WP-0001-T01',
      'LED-WP-0001-T01->ALK-WP-0001-T03',
      'NOPE-T99->ALK-WP-0001-T05 (dashed)',
    ]);
    expect(byKey.get(doc.graph.edges.find((e) => e.dashed)!.from)).toMatchObject({ state: 'unknown', repo_slug: null });
  });

  it('holds at most `limit` items per repo in each list and says how many it had', () => {
    const capped = buildReport(sampleInput(), { limit: 1 });
    expect(ids(capped.ready_tasks)).toEqual(['LED-WP-0001-T01', 'ALK-WP-0001-T02']);
    expect(capped.workstreams.map((w) => w.id)).toEqual(['ALK-WP-0001', 'LED-WP-0002', 'SITE-WP-0001']);
    expect(capped.repos.find((r) => r.slug === 'ledger')?.counts.ready).toBe(4);
    expect(capped.limit).toBe(1);
  });

  it('is deterministic without a clock, and stamps the time it is given', () => {
    expect(JSON.stringify(buildReport(sampleInput()))).toBe(JSON.stringify(doc));
    expect(doc.generated_at).toBeNull();
    expect(buildReport(sampleInput(), { now: new Date('2026-03-01T12:00:00.250Z') }).generated_at).toBe('2026-03-01T12:00:00Z');
  });

  it('says a federated view is incomplete when a required source is missing', () => {
    const federated = { ...sampleInput(), kind: 'federation' as const, mode: 'federation' as const, complete: false, sources: [{ name: 'east', required: true, included: false, received_at: null, last_error: 'fetch failed: 503' }] };
    const report = buildReport(federated);
    expect(report).toMatchObject({ origin: 'federation', complete: false, sources: [{ name: 'east', required: true, included: false, received_at: null, error: 'fetch failed: 503' }] });
  });
});
