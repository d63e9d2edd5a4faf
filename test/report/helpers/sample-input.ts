// A small workspace as a snapshot (src/snapshot/types.ts): two domains, three repos, a
// cross-repo dependency, a dependency on no task, a task for a human, interface changes in each
// state, and hostile text where people write titles.
import type { SnapshotDocument, SnapshotGoal, SnapshotInterfaceChange, SnapshotRepo, SnapshotTask, SnapshotWorkplan } from '../../../src/snapshot/types.js';

export const HOSTILE_TITLE = 'Escape </script><script>window.__pwned = 1</script><!-- and \u001b[31mred\u001b[0m <img src=x onerror="window.__pwned=2">';

function task(partial: Partial<SnapshotTask> & Pick<SnapshotTask, 'id' | 'repo_slug' | 'file' | 'line'>): SnapshotTask {
  return {
    local_id: null,
    title: `Task ${partial.id}`,
    status: 'todo',
    status_raw: partial.status ?? 'todo',
    priority: 'medium',
    priority_raw: null,
    end_line: partial.line + 3,
    description: '',
    description_lines: null,
    acceptance_criteria: [],
    fields: {},
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

function workplan(id: string, repo: string, created: string, status = 'active'): SnapshotWorkplan {
  return {
    id,
    title: `Workplan ${id}`,
    status,
    status_raw: status,
    domain: null,
    owner: null,
    created,
    updated: null,
    completed: null,
    valid: true,
    repo_slug: repo,
    file: `workplans/${id}.md`,
    line: 1,
    task_counts: { todo: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0, unknown: 0, total: 0 },
  };
}

function repo(slug: string, name: string, domain: string, tier: SnapshotRepo['doi']['tier'], commit: string | null): SnapshotRepo {
  return { slug, name, domain, description: null, status: 'active', remote_url: null, fingerprint: null, commit, branch: commit ? 'main' : null, doi: { tier, criteria: [] } };
}

function goal(id: string, title: string, status: string, priority: number, domain: string | null, repo_slug: string): SnapshotGoal {
  return { id, title, status, priority, repo: null, domain, valid: true, repo_slug, file: `goals/${id}.md`, line: 1 };
}

export function sampleInput(): SnapshotDocument {
  const wp = (id: string, repo: string, line: number, extra: Partial<SnapshotTask> = {}) =>
    task({ id: `${id.split('#')[0]}-${id.split('#')[1]}`, repo_slug: repo, file: `workplans/${id.split('#')[0]}.md`, line, workplan_id: id.split('#')[0], workstream: id.split('#')[0], ...extra });
  return {
    schema_version: 1,
    kind: 'snapshot',
    mode: 'workspace',
    domains: [
      { slug: 'payments', name: 'Payments', description: 'Ledger and clients', status: 'active' },
      { slug: 'docs', name: 'Documentation', description: null, status: 'active' },
    ],
    repos: [
      repo('alkhub', 'Alk hub', 'payments', 'standard', '0123456789abcdef0123456789abcdef01234567'),
      repo('ledger', 'Ledger', 'payments', 'core', null),
      repo('site', 'Docs site', 'docs', 'none', 'fedcba9876543210fedcba9876543210fedcba98'),
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
      goal('GOAL-1', 'Hub answers in 100 ms', 'active', 1, null, 'alkhub'),
      goal('GOAL-9', 'Payments are boring', 'active', 2, 'payments', 'ledger'),
      goal('GOAL-2', 'An achieved goal is not listed', 'achieved', 0, null, 'site'),
    ],
    interface_changes: [
      change('IC-1', 'published', 'ledger', ['alkhub'], 'Posting currency becomes required', 'breaking'),
      change('IC-2', 'draft', 'alkhub', ['site'], 'Hub adds a feed', 'additive'),
      change('IC-3', 'resolved', 'site', ['ledger'], 'Docs URL scheme', 'deprecation'),
    ],
    decisions: [],
  };
}

function change(id: string, status: string, repo: string, affected: string[], title: string, change_type: string): SnapshotInterfaceChange {
  return {
    id,
    title,
    status,
    status_raw: status,
    valid: true,
    affected_paths: [],
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
