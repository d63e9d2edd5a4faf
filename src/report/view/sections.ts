// The page's lists as data: where each takes its items from, how a row looks, what the filter
// keeps and what an empty list says. The page template renders each list's first page with
// these; the browser script re-renders them as the filter changes.
import type { ReportDocument, ReportGoal, ReportInterfaceChange, ReportRepo, ReportTask, ReportWorkstream } from '../model.js';
import type { Matcher } from './filter.js';
import { changeRow, goalRow, taskRow, workstreamRow } from './rows.js';

/** Rows rendered at a time; the rest come with "Show more". */
export const PAGE_SIZE = 100;

export type ListId = 'workstreams' | 'ready' | 'blocked' | 'human' | 'goals' | 'changes-draft' | 'changes-published' | 'changes-resolved' | 'changes-other';

/** Which of a repo's counts a list is capped against (the report holds at most `limit` per repo). */
type Counted = 'ready' | 'blocked' | 'human' | 'workstreams';

export interface ListSection<T = unknown> {
  id: ListId;
  ordered: boolean;
  items(doc: ReportDocument): T[];
  row(item: T, position: number, doc: ReportDocument): string;
  keep(m: Matcher, item: T): boolean;
  empty: string;
  counted?: Counted;
}

const changes = (id: ListId, label: string, test: (status: string | null) => boolean): ListSection<ReportInterfaceChange> => ({
  id,
  ordered: false,
  items: (doc) => doc.interface_changes.filter((c) => test(c.status)),
  row: (c) => changeRow(c),
  keep: (m, c) => m.change(c),
  empty: `No ${label} interface change.`,
});

const KNOWN_CHANGE_STATES = new Set(['draft', 'published', 'resolved']);

export const SECTIONS: ListSection<any>[] = [
  {
    id: 'goals',
    ordered: false,
    items: (doc) => doc.goals,
    row: (g: ReportGoal, _i, doc) => goalRow(g, isCurrent(g, doc.repos)),
    keep: (m, g: ReportGoal) => m.goal(g),
    empty: 'No active goal.',
  } satisfies ListSection<ReportGoal>,
  {
    id: 'workstreams',
    ordered: false,
    items: (doc) => doc.workstreams,
    row: (w: ReportWorkstream) => workstreamRow(w),
    keep: (m, w: ReportWorkstream) => m.workstream(w),
    empty: 'No active workstream with pending tasks.',
    counted: 'workstreams',
  } satisfies ListSection<ReportWorkstream>,
  {
    id: 'ready',
    ordered: true,
    items: (doc) => doc.ready_tasks,
    row: (t: ReportTask, i) => taskRow(t, i + 1),
    keep: (m, t: ReportTask) => m.task(t),
    empty: 'No task is ready.',
    counted: 'ready',
  } satisfies ListSection<ReportTask>,
  {
    id: 'blocked',
    ordered: false,
    items: (doc) => doc.blocked_tasks,
    row: (t: ReportTask) => taskRow(t),
    keep: (m, t: ReportTask) => m.task(t),
    empty: 'No blocked task.',
    counted: 'blocked',
  } satisfies ListSection<ReportTask>,
  {
    id: 'human',
    ordered: false,
    items: (doc) => doc.human_tasks,
    row: (t: ReportTask) => taskRow(t),
    keep: (m, t: ReportTask) => m.task(t),
    empty: 'No task needs a human.',
    counted: 'human',
  } satisfies ListSection<ReportTask>,
  changes('changes-draft', 'draft', (s) => s === 'draft'),
  changes('changes-published', 'published', (s) => s === 'published'),
  changes('changes-resolved', 'resolved', (s) => s === 'resolved'),
  changes('changes-other', 'other', (s) => s === null || !KNOWN_CHANGE_STATES.has(s)),
];

export function section(id: ListId): ListSection<any> {
  return SECTIONS.find((s) => s.id === id)!;
}

/** The goal is the one dispatch works towards for some repo it applies to. */
function isCurrent(goal: ReportGoal, repos: readonly ReportRepo[]): boolean {
  return repos.some((r) => r.active_goal === goal.id && (goal.scope === 'repo' ? goal.target === r.slug : goal.target === r.domain));
}

/** Items of the list beyond the report's per-repo limit, for the repos in view. */
export function leftOut(list: ListSection<any>, doc: ReportDocument, m: Matcher): number {
  if (!list.counted || doc.limit === 0) return 0;
  let n = 0;
  for (const repo of doc.repos) if (m.inRepo(repo.slug)) n += Math.max(0, repo.counts[list.counted] - doc.limit);
  return n;
}

export function cappedNote(n: number, limit: number): string {
  return `${n} more not in this report: it holds at most ${limit} per repo (<code>custodian report --limit 0</code> for all, or <code>custodian dispatch &lt;repo&gt;</code>).`;
}
