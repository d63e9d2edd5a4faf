// `export`: the workspace as one snapshot document (src/snapshot/types.ts), for the hub and for
// readers with no checkout. Syncs first (ADR-001), evaluates DoI (cached), reads HEAD from files.
import { readCheckout } from '../doi/facts/checkout.js';
import { selectDocuments, taskCountsByDocument } from '../index/queries/documents.js';
import { selectTasks } from '../index/queries/tasks.js';
import type { SnapshotDocument } from '../snapshot/types.js';
import { clockOf, loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { buildSnapshot } from './snapshot.js';

export type { SnapshotDocument, SnapshotRepo, SnapshotTask, SnapshotWorkplan } from '../snapshot/types.js';

export interface ExportOptions extends WorkspaceOptions {
  /** The clock DoI's day-dependent criteria compare with (default: CUSTODIAN_NOW from `env` when set; else now). */
  now?: Date;
}

export async function exportSnapshot(options: ExportOptions = {}): Promise<SnapshotDocument> {
  const now = options.now ?? clockOf(options);
  const ws = await loadWorkspace(options);
  return withIndex(ws, options, async (db) => {
    const { evaluateDoi } = await import('../doi/evaluate.js');
    const run = await evaluateDoi(ws, db, { now });
    const checkouts = await Promise.all(ws.repos.map((repo) => readCheckout(repo.checkout)));
    const documents = selectDocuments(db);
    return buildSnapshot({
      ws,
      heads: new Map(ws.repos.map((repo, i) => [repo.slug, { commit: checkouts[i].head, branch: branchName(checkouts[i].branch) }])),
      doi: new Map(run.items.map((item) => [item.repo_slug, item])),
      documents,
      tasks: selectTasks(db),
      counts: taskCountsByDocument(db, documents.filter((d) => d.kind === 'workplan').map((d) => d.row_id)),
    });
  });
}

/** `refs/heads/main` → `main`; another kind of ref as it is. */
function branchName(ref: string | null): string | null {
  if (ref === null) return null;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
