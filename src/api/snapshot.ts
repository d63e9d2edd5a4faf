// The snapshot assembled from what the index and the registry hold. Pure: the caller (./export.ts)
// reads the rows, the checkouts' HEAD and the DoI results; this shapes them with the same item
// builders as `task show` and `workplan list`, computes each task's readiness with src/dispatch over
// the whole workspace, and keeps every list in index order (repo, file, position: SQLite's
// code-point order), so the same files give the same bytes.
import { assessQueue, lookupFrom } from '../dispatch/queue.js';
import type { WorkplanInfo } from '../dispatch/types.js';
import { workplanCatalog, workstreamId } from '../dispatch/workstreams.js';
import { compareCodePoints } from '../dispatch/order.js';
import type { DoiItem } from '../doi/model.js';
import { writtenText } from '../documents/written-text.js';
import { interfaceChangeFields } from '../documents/interface-change.js';
import { toQueueTask } from '../index/queries/dispatch.js';
import type { DocumentRow } from '../index/queries/documents.js';
import type { TaskRow } from '../index/queries/tasks.js';
import type { RepoConfig, Workspace } from '../workspace/types.js';
import type {
  SnapshotDecision,
  SnapshotDocument,
  SnapshotGoal,
  SnapshotInterfaceChange,
  SnapshotRepo,
  SnapshotTask,
  SnapshotWorkplan,
  TaskCounts,
} from '../snapshot/types.js';
import { taskDetail } from './items/task.js';
import { workplanItem } from './workplans.js';

export interface SnapshotInput {
  ws: Pick<Workspace, 'mode' | 'domains' | 'repos'>;
  /** HEAD per repo slug (commit and branch), as read from the checkout. */
  heads: ReadonlyMap<string, { commit: string | null; branch: string | null }>;
  doi: ReadonlyMap<string, DoiItem>;
  /** Every document row of the index, in (repo, path, line) order. */
  documents: readonly DocumentRow[];
  /** Every task row of the index, in (repo, path, ordinal) order. */
  tasks: readonly TaskRow[];
  /** Task counts by status per document row (src/index/queries/documents.ts). */
  counts: ReadonlyMap<number, TaskCounts>;
}

export function buildSnapshot(input: SnapshotInput): SnapshotDocument {
  const byKind = (kind: string) => input.documents.filter((row) => row.kind === kind);
  const workplanRows = byKind('workplan');
  return {
    schema_version: 1,
    kind: 'snapshot',
    mode: input.ws.mode,
    domains: [...input.ws.domains]
      .sort((a, b) => compareCodePoints(a.slug, b.slug))
      .map((d) => ({ slug: d.slug, name: d.name, description: d.description, status: d.status })),
    repos: [...input.ws.repos].sort((a, b) => compareCodePoints(a.slug, b.slug)).map((repo) => repoItem(repo, input)),
    workplans: workplanRows.map((row): SnapshotWorkplan => workplanItem(row, input.counts.get(row.row_id))),
    tasks: taskItems(input.tasks, workplanRows),
    goals: byKind('goal').map(goalItem),
    interface_changes: byKind('interface-change').map(interfaceChangeItem),
    decisions: byKind('decision').map(decisionItem),
  };
}

function repoItem(repo: RepoConfig, input: SnapshotInput): SnapshotRepo {
  const head = input.heads.get(repo.slug);
  const doi = input.doi.get(repo.slug);
  return {
    slug: repo.slug,
    name: repo.name,
    domain: repo.domain,
    description: repo.description,
    status: repo.status,
    remote_url: repo.remote_url,
    fingerprint: repo.fingerprint,
    commit: head?.commit ?? null,
    branch: head?.branch ?? null,
    doi: {
      tier: doi?.tier ?? 'none',
      // A published snapshot names no folder of this host: the checkout reads as its registered path.
      criteria: (doi?.criteria ?? []).map((c) => ({ ...c, detail: c.detail.split(repo.checkout).join(repo.path) })),
    },
  };
}

function workplanInfo(row: DocumentRow): WorkplanInfo {
  return { row_id: row.row_id, repo: row.repo, file: row.path, id: row.doc_id, title: row.title, status: row.status, valid: row.valid === 1, created: row.created };
}

function taskItems(rows: readonly TaskRow[], workplans: readonly DocumentRow[]): SnapshotTask[] {
  const queueTasks = rows.map((row) => toQueueTask(row, row.depends_on));
  const entries = assessQueue(queueTasks, workplanCatalog(workplans.map(workplanInfo)), lookupFrom(queueTasks));
  const byRow = new Map(entries.map((entry) => [entry.task.row_id, entry]));
  return rows.map((row) => {
    const entry = byRow.get(row.row_id)!;
    return {
      ...taskDetail(row),
      workstream: workstreamId(entry.workstream),
      ready: entry.ready,
      blocked_by: entry.blocked_by,
    };
  });
}

function fieldsOf(row: DocumentRow): Record<string, unknown> {
  return JSON.parse(row.fields) as Record<string, unknown>;
}

function goalItem(row: DocumentRow): SnapshotGoal {
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    repo: row.repo_field,
    domain: row.domain,
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}

function interfaceChangeItem(row: DocumentRow): SnapshotInterfaceChange {
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    ...interfaceChangeFields(fieldsOf(row), row.repo),
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}

function decisionItem(row: DocumentRow): SnapshotDecision {
  return {
    id: row.doc_id,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    resolved: writtenText(fieldsOf(row).resolved),
    valid: row.valid === 1,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
  };
}
