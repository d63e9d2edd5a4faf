// The workspace and a fresh index for the commands not yet moved onto src/api (through the
// api's own context, so there is one implementation of both).
import { loadWorkspace as loadApiWorkspace, openFreshIndex as openApiIndex } from '../../api/context.js';
import type { Workspace } from '../../workspace/types.js';
import type { IndexDb } from '../../index/db.js';
import type { SyncOutcome } from '../../index/sync.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';

export async function loadWorkspace(ctx: CliContext): Promise<Workspace> {
  return loadApiWorkspace(apiOptions(ctx));
}

export interface FreshIndex {
  ws: Workspace;
  db: IndexDb;
  sync: SyncOutcome | null;
}

export async function openFreshIndex(ctx: CliContext, options: { sync?: boolean; full?: boolean } = {}): Promise<FreshIndex> {
  const ws = await loadWorkspace(ctx);
  const { db, sync } = await openApiIndex(ws, { ...apiOptions(ctx), sync: options.sync }, { full: options.full });
  return { ws, db, sync };
}
