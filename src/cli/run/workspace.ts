// The workspace and a fresh index for a command: every read command syncs incrementally first
// (ADR-001: never answer from a stale index) unless --no-sync is given.
import { resolveWorkspace } from '../../workspace/discover.js';
import type { Workspace } from '../../workspace/types.js';
import type { IndexDb } from '../../index/db.js';
import type { SyncOutcome } from '../../index/sync.js';
import type { CliContext } from '../context.js';

export async function loadWorkspace(ctx: CliContext): Promise<Workspace> {
  const globals = ctx.globals();
  return resolveWorkspace({ cwd: process.cwd(), workspace: globals.workspace, index: globals.index });
}

export interface FreshIndex {
  ws: Workspace;
  db: IndexDb;
  sync: SyncOutcome | null;
}

export async function openFreshIndex(ctx: CliContext, options: { sync?: boolean; full?: boolean } = {}): Promise<FreshIndex> {
  const ws = await loadWorkspace(ctx);
  if (options.sync === false) {
    const { openIndex } = await import('../../index/db.js');
    return { ws, db: openIndex(ws.index_path), sync: null };
  }
  const { syncWorkspace } = await import('../../index/sync.js');
  const sync = await syncWorkspace(ws, { full: options.full });
  for (const slug of sync.unreachable) process.stderr.write(`custodian: warning: repo ${slug}: checkout not found on this host\n`);
  return { ws, db: sync.db, sync };
}
