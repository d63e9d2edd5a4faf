// Composition: the included sources' snapshots merged into one view. Nothing is deduplicated: two
// sources claiming one repo slug or one task id are both kept and listed under `duplicates`, and a
// dependency on such an id is `ambiguous`, as in a workspace. Readiness is recomputed over the whole
// federation with src/dispatch, so a dependency on another workspace's task resolves — and one on a
// task whose source is missing stays `unknown`: the view fails closed. Pure.
import { compareCodePoints } from '../../dispatch/order.js';
import { assessQueue, lookupFrom } from '../../dispatch/queue.js';
import type { GoalInfo, InterfaceChangeInfo, QueueTask, WorkplanInfo } from '../../dispatch/types.js';
import { workplanCatalog, workstreamId } from '../../dispatch/workstreams.js';
import type { SnapshotTask } from '../../snapshot/types.js';
import { snapshotRows } from './rows.js';
import type { Duplicate, DuplicatePlace, FederatedTask, FederatedView, FederationDocument, FederationSource, SourceSnapshot } from './types.js';

export function composeFederation(sources: readonly FederationSource[], snapshots: readonly SourceSnapshot[]): FederatedView {
  const ordered = [...snapshots].sort((a, b) => compareCodePoints(a.source, b.source));
  let rowId = 0;
  const nextRowId = () => ++rowId;
  const tasks: QueueTask[] = [];
  const items = new Map<number, { source: string; item: SnapshotTask }>();
  const workplans: WorkplanInfo[] = [];
  const goals: GoalInfo[] = [];
  const interfaceChanges: InterfaceChangeInfo[] = [];
  const sourceOf = new Map<number, string>();
  for (const { source, snapshot } of ordered) {
    const rows = snapshotRows(snapshot, nextRowId);
    workplans.push(...rows.workplans);
    goals.push(...rows.goals);
    interfaceChanges.push(...rows.interfaceChanges);
    for (const { row, item } of rows.tasks) {
      tasks.push(row);
      items.set(row.row_id, { source, item });
      sourceOf.set(row.row_id, source);
    }
  }
  const catalog = workplanCatalog(workplans);
  const lookup = lookupFrom(tasks);
  const taskAt = new Map<number, FederatedTask>();
  for (const entry of assessQueue(tasks, catalog, lookup)) {
    const { source, item } = items.get(entry.task.row_id)!;
    taskAt.set(entry.task.row_id, { source, ...item, workstream: workstreamId(entry.workstream), ready: entry.ready, blocked_by: entry.blocked_by });
  }
  const sourced = <T>(pick: (s: SourceSnapshot['snapshot']) => readonly T[]) =>
    ordered.flatMap(({ source, snapshot }) => pick(snapshot).map((item) => ({ source, ...item })));
  const document: FederationDocument = {
    schema_version: 1,
    kind: 'federation',
    mode: 'federation',
    complete: sources.every((s) => !s.enabled || !s.required || s.included),
    sources: [...sources].sort((a, b) => compareCodePoints(a.name, b.name)),
    duplicates: { repos: [], tasks: [] },
    domains: sourced((s) => s.domains),
    repos: sourced((s) => s.repos),
    workplans: sourced((s) => s.workplans),
    // Source order, then the snapshot's own order (tasks were numbered in that order).
    tasks: tasks.map((t) => taskAt.get(t.row_id)!),
    goals: sourced((s) => s.goals),
    interface_changes: sourced((s) => s.interface_changes),
    decisions: sourced((s) => s.decisions),
  };
  document.duplicates = {
    repos: duplicates(document.repos.map((r) => [r.slug, { source: r.source, repo_slug: r.slug, file: null, line: null }])),
    tasks: duplicates(document.tasks.filter((t) => t.id !== null).map((t) => [t.id!, { source: t.source, repo_slug: t.repo_slug, file: t.file, line: t.line }])),
  };
  return {
    document,
    tasks,
    taskAt,
    catalog,
    lookup,
    workplans,
    goals,
    interfaceChanges,
    sourceOf,
    receivedAt: new Map(ordered.map((s) => [s.source, s.received_at])),
  };
}

function duplicates(claims: [string, DuplicatePlace][]): Duplicate[] {
  const byId = new Map<string, DuplicatePlace[]>();
  for (const [id, place] of claims) {
    const same = byId.get(id);
    if (same) same.push(place);
    else byId.set(id, [place]);
  }
  return [...byId.entries()]
    .filter(([, places]) => places.length > 1)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([id, places]) => ({ id, places }));
}
