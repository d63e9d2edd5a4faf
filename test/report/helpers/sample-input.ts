// A small workspace as the report reads it (the snapshot's shape): two domains, three repos, a
// cross-repo dependency, a dependency on no task, a task for a human, interface changes in each
// state, and hostile text where people write titles.
import type { InputTask, InputWorkplan, ReportInput } from '../../../src/report/input.js';

export const HOSTILE_TITLE = 'Escape </script><script>window.__pwned = 1</script><!-- and \u001b[31mred\u001b[0m <img src=x onerror="window.__pwned=2">';

function task(partial: Partial<InputTask> & Pick<InputTask, 'id' | 'repo_slug' | 'file' | 'line'>): InputTask {
  return {
    title: `Task ${partial.id}`,
    status: 'todo',
    priority: 'medium',
    depends_on: [],
    needs_human: false,
    assignee: null,
    workplan_id: null,
    workstream: null,
    declared_in: ['block'],
    valid: true,
    ready: false,
    blocked_by: [],
    ...partial,
  };
}

function workplan(id: string, repo: string, created: string, status = 'active'): InputWorkplan {
  return { id, title: `Workplan ${id}`, status, domain: null, created, valid: true, repo_slug: repo, file: `workplans/${id}.md`, line: 1 };
}

export function sampleInput(): ReportInput {
  const wp = (id: string, repo: string, line: number, extra: Partial<InputTask> = {}) =>
    task({ id: `${id.split('#')[0]}-${id.split('#')[1]}`, repo_slug: repo, file: `workplans/${id.split('#')[0]}.md`, line, workplan_id: id.split('#')[0], workstream: id.split('#')[0], ...extra });
  return {
    kind: 'snapshot',
    mode: 'workspace',
    domains: [
      { slug: 'payments', name: 'Payments', description: 'Ledger and clients', status: 'active' },
      { slug: 'docs', name: 'Documentation', description: null, status: 'active' },
    ],
    repos: [
      { slug: 'alkhub', name: 'Alk hub', domain: 'payments', description: null, status: 'active', commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', doi: { tier: 'standard' } },
      { slug: 'ledger', name: 'Ledger', domain: 'payments', description: null, status: 'active', commit: null, branch: null, doi: { tier: 'core' } },
      { slug: 'site', name: 'Docs site', domain: 'docs', description: null, status: 'active', commit: 'fedcba9876543210fedcba9876543210fedcba98', branch: 'main', doi: { tier: 'none' } },
    ],
    workplans: [workplan('ALK-WP-0001', 'alkhub', '2026-01-01'), workplan('LED-WP-0001', 'ledger', '2026-01-02'), workplan('LED-WP-0002', 'ledger', '2025-12-01'), workplan('SITE-WP-0001', 'site', '2026-02-01'), workplan('SITE-WP-0002', 'site', '2026-02-02', 'draft')],
    tasks: [
      wp('ALK-WP-0001#T01', 'alkhub', 10, { title: 'Hub schema migration', status: 'done' }),
      wp('ALK-WP-0001#T02', 'alkhub', 20, { title: 'Hub rate limiter', priority: 'high', depends_on: ['T01'] }),
      wp('ALK-WP-0001#T03', 'alkhub', 30, { title: 'Hub waits for ledger', depends_on: ['LED-WP-0001-T01'] }),
      wp('ALK-WP-0001#T04', 'alkhub', 40, { title: 'Hub sign-off', needs_human: true }),
      wp('ALK-WP-0001#T05', 'alkhub', 50, { title: 'Hub needs a ghost', depends_on: ['NOPE-T99'] }),
      wp('LED-WP-0001#T01', 'ledger', 10, { title: 'Ledger posting API', status: 'in_progress', assignee: 'agent-7', priority: 'low' }),
      wp('LED-WP-0001#T02', 'ledger', 20, { title: HOSTILE_TITLE, priority: 'critical' }),
      wp('LED-WP-0002#T01', 'ledger', 10, { title: 'Ledger older workplan task', priority: 'critical' }),
      wp('LED-WP-0002#T02', 'ledger', 20, { title: 'Ledger marked blocked', status: 'blocked' }),
      task({ id: 'LED-7', repo_slug: 'ledger', file: 'docs/tasks/LED-7.md', line: 1, declared_in: ['file'], workstream: 'ledger:backlog', title: 'Ledger backlog chore', priority: 'high' }),
      wp('SITE-WP-0001#T01', 'site', 10, { title: 'Site guide for the hub', depends_on: ['ALK-WP-0001-T02'] }),
      wp('SITE-WP-0001#T02', 'site', 20, { title: 'Site cancelled page', status: 'cancelled' }),
      wp('SITE-WP-0002#T01', 'site', 10, { title: 'Site draft work is not listed' }),
    ],
    goals: [
      { id: 'GOAL-1', title: 'Hub answers in 100 ms', status: 'active', priority: 1, repo: null, domain: null, repo_slug: 'alkhub', file: 'goals/GOAL-1.md', line: 1 },
      { id: 'GOAL-9', title: 'Payments are boring', status: 'active', priority: 2, repo: null, domain: 'payments', repo_slug: 'ledger', file: 'goals/GOAL-9.md', line: 1 },
      { id: 'GOAL-2', title: 'An achieved goal is not listed', status: 'achieved', priority: 0, repo: null, domain: null, repo_slug: 'site', file: 'goals/GOAL-2.md', line: 1 },
    ],
    interface_changes: [
      change('IC-1', 'published', 'ledger', ['alkhub'], 'Posting currency becomes required', 'breaking'),
      change('IC-2', 'draft', 'alkhub', ['site'], 'Hub adds a feed', 'additive'),
      change('IC-3', 'resolved', 'site', ['ledger'], 'Docs URL scheme', 'deprecation'),
    ],
  };
}

function change(id: string, status: string, repo: string, affected: string[], title: string, change_type: string) {
  return {
    id,
    title,
    status,
    change_type,
    interface_type: 'api',
    origin_repo: repo,
    affected_repos: affected,
    planned_for: '2026-06-01',
    published_at: status === 'draft' ? null : '2026-03-01',
    resolved_at: status === 'resolved' ? '2026-04-01' : null,
    repo_slug: repo,
    file: `interface-changes/${id}.md`,
    line: 1,
  };
}
