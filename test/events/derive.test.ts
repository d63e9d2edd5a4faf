// The pure derivation: which transitions a commit makes, given its files' states before and after;
// which in_progress tasks are stale; event ids as a pure function of what happened.
import { describe, expect, it } from 'vitest';
import { deriveTransitions, staleTasks, type DocumentState, type Snapshot, type TouchedFact } from '../../src/events/derive.js';
import { cloudEvent, eventId } from '../../src/events/envelope.js';

const doc = (kind: DocumentState['kind'], id: string, status: string | null, file = 'workplans/a.md'): DocumentState => ({ kind, id, status, file, title: null });
const snap = (states: DocumentState[], unknown_files: string[] = []): Snapshot => ({ states, unknown_files });

type Row = [name: string, before: Snapshot, after: Snapshot, expected: [string, string | null, string][]];

const table: Row[] = [
  ['a workplan completed', snap([doc('workplan', 'WP-1', 'active')]), snap([doc('workplan', 'WP-1', 'completed')]), [['workstream.completed', 'active', 'WP-1']]],
  ['a workplan staying completed makes nothing', snap([doc('workplan', 'WP-1', 'completed')]), snap([doc('workplan', 'WP-1', 'completed')]), []],
  ['a workplan reopened makes nothing', snap([doc('workplan', 'WP-1', 'completed')]), snap([doc('workplan', 'WP-1', 'active')]), []],
  ['a task done', snap([doc('task', 'WP-1-T01', 'in_progress')]), snap([doc('task', 'WP-1-T01', 'done')]), [['task.completed', 'in_progress', 'WP-1-T01']]],
  ['a task cancelled is not completed', snap([doc('task', 'WP-1-T01', 'todo')]), snap([doc('task', 'WP-1-T01', 'cancelled')]), []],
  ['a task added already done', snap([]), snap([doc('task', 'WP-1-T02', 'done')]), [['task.completed', null, 'WP-1-T02']]],
  ['a task removed makes nothing', snap([doc('task', 'WP-1-T01', 'todo')]), snap([]), []],
  ['a task moved to another file keeps its state', snap([doc('task', 'T-9', 'done', 'docs/tasks/T-9.md')]), snap([doc('task', 'T-9', 'done', 'docs/tasks/old/T-9.md')]), []],
  ['a decision accepted', snap([doc('decision', 'ADR-1', 'proposed')]), snap([doc('decision', 'ADR-1', 'accepted')]), [['decision.resolved', 'proposed', 'ADR-1']]],
  ['a decision rejected', snap([doc('decision', 'ADR-1', 'proposed')]), snap([doc('decision', 'ADR-1', 'rejected')]), [['decision.resolved', 'proposed', 'ADR-1']]],
  ['an accepted decision superseded', snap([doc('decision', 'ADR-1', 'accepted')]), snap([doc('decision', 'ADR-1', 'superseded')]), [['decision.resolved', 'accepted', 'ADR-1']]],
  ['a decision written as accepted', snap([]), snap([doc('decision', 'ADR-2', 'accepted')]), [['decision.resolved', null, 'ADR-2']]],
  ['a proposed decision makes nothing', snap([]), snap([doc('decision', 'ADR-3', 'proposed')]), []],
  ['a goal activated', snap([doc('goal', 'G-1', 'dropped')]), snap([doc('goal', 'G-1', 'active')]), [['goal.activated', 'dropped', 'G-1']]],
  ['an interface change published', snap([doc('interface-change', 'IC-1', 'draft')]), snap([doc('interface-change', 'IC-1', 'published')]), [['interface_change.published', 'draft', 'IC-1']]],
  ['an interface change resolved makes nothing', snap([doc('interface-change', 'IC-1', 'published')]), snap([doc('interface-change', 'IC-1', 'resolved')]), []],
  ['a repo registered', snap([doc('repo', 'a', 'registered', 'custodian.yaml')]), snap([doc('repo', 'a', 'registered', 'custodian.yaml'), doc('repo', 'b', 'registered', 'custodian.yaml')]), [['repo.registered', null, 'b']]],
  ['an unknown status makes nothing', snap([doc('task', 'T-1', 'todo')]), snap([doc('task', 'T-1', null)]), []],
  [
    'a document whose earlier file could not be read has no known earlier state',
    snap([], ['workplans/a.md']),
    snap([doc('workplan', 'WP-1', 'completed'), doc('task', 'WP-1-T01', 'done')]),
    [],
  ],
  [
    'an unreadable earlier file hides nothing known from elsewhere',
    snap([doc('task', 'T-1', 'todo', 'b.md')], ['a.md']),
    snap([doc('task', 'T-1', 'done', 'a.md')]),
    [['task.completed', 'todo', 'T-1']],
  ],
  ['same kind and id twice: the first declaration counts', snap([]), snap([doc('task', 'T-1', 'done'), doc('task', 'T-1', 'todo')]), [['task.completed', null, 'T-1']]],
  ['ids are per kind', snap([doc('workplan', 'X', 'completed')]), snap([doc('task', 'X', 'done')]), [['task.completed', null, 'X']]],
  [
    'several transitions in one commit, in file order',
    snap([doc('workplan', 'WP-1', 'active'), doc('task', 'WP-1-T01', 'todo'), doc('task', 'WP-1-T02', 'todo')]),
    snap([doc('workplan', 'WP-1', 'completed'), doc('task', 'WP-1-T01', 'done'), doc('task', 'WP-1-T02', 'done')]),
    [
      ['workstream.completed', 'active', 'WP-1'],
      ['task.completed', 'todo', 'WP-1-T01'],
      ['task.completed', 'todo', 'WP-1-T02'],
    ],
  ],
];

describe('deriveTransitions', () => {
  it.each(table)('%s', (_name, before, after, expected) => {
    expect(deriveTransitions(before, after).map((t) => [t.name, t.old_value, t.state.id])).toEqual(expected);
  });
});

const DAY = 86_400;
const NOW = 1_000 * DAY;
const fact = (task_id: string | null, touched_at: number | null, extra: Partial<TouchedFact> = {}): TouchedFact => ({
  task_id,
  file: 'workplans/a.md',
  line: 10,
  touched_at,
  commit: touched_at === null ? null : `c${touched_at}`,
  exact: true,
  ...extra,
});

describe('staleTasks', () => {
  it('is stale after more than 14 days untouched, as C14 judges, and became stale 14 days after the touch', () => {
    const stale = staleTasks([fact('A', NOW - 15 * DAY), fact('B', NOW - 14 * DAY), fact('C', NOW - 3 * DAY)], NOW, 0);
    expect(stale).toEqual([{ task_id: 'A', file: 'workplans/a.md', line: 10, commit: `c${NOW - 15 * DAY}`, touched_at: NOW - 15 * DAY, stale_at: NOW - DAY }]);
  });

  it('leaves out uncommitted lines, tasks without id, lower-bound times and periods that began before `since`', () => {
    const facts = [
      fact('U', null),
      fact(null, NOW - 30 * DAY),
      fact('L', NOW - 30 * DAY, { exact: false }),
      fact('OLD', NOW - 40 * DAY),
      fact('NEW', NOW - 20 * DAY),
    ];
    expect(staleTasks(facts, NOW, NOW - 10 * DAY).map((t) => t.task_id)).toEqual(['NEW']);
  });
});

describe('event ids', () => {
  it('are a pure function of type, repo, document id, new value and commit', () => {
    const id = eventId('task.completed', 'repo-a', 'WP-1-T01', 'done', 'abc');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(eventId('task.completed', 'repo-a', 'WP-1-T01', 'done', 'abc')).toBe(id);
    for (const other of [
      eventId('task.stale', 'repo-a', 'WP-1-T01', 'done', 'abc'),
      eventId('task.completed', 'repo-b', 'WP-1-T01', 'done', 'abc'),
      eventId('task.completed', 'repo-a', 'WP-1-T02', 'done', 'abc'),
      eventId('task.completed', 'repo-a', 'WP-1-T01', 'cancelled', 'abc'),
      eventId('task.completed', 'repo-a', 'WP-1-T01', 'done', 'abd'),
    ]) {
      expect(other).not.toBe(id);
    }
  });

  it('do not depend on the old value, the title, the file or the source', () => {
    const base = { name: 'task.completed' as const, kind: 'task' as const, document_id: 'T-1', new_value: 'done', commit: 'abc', time: 0 };
    const one = cloudEvent({ ...base, repo: { slug: 'r', domain: 'd', remote_url: null }, title: 'x', file: 'a.md', old_value: 'todo' });
    const two = cloudEvent({ ...base, repo: { slug: 'r', domain: 'e', remote_url: 'https://git.example.org/r.git' }, title: 'y', file: 'b.md', old_value: null });
    expect(two.id).toBe(one.id);
    expect(one.source).toBe('custodian:r');
    expect(two.source).toBe('https://git.example.org/r.git');
  });
});
