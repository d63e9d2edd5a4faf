// `dispatch <repo>`: the repo's rows from the index, assembled by src/dispatch, trimmed by --limit.
import { buildDispatch, type DispatchInput } from '../../dispatch/assemble.js';
import { DEFAULT_LIMIT, limitDispatch } from '../../dispatch/limit.js';
import { workplanCatalog } from '../../dispatch/workstreams.js';
import { notFound, usageError } from '../../errors.js';
import type { IndexDb } from '../../index/db.js';
import { dependencyLookupFor, goalsFor, interfaceChangesAffecting, repoSyncedAt, selectQueueTasks, workplansOf } from '../../index/queries/dispatch.js';
import type { CliContext } from '../context.js';
import { dispatchView } from '../format/dispatch.js';
import { colors, writeJson, writeLines } from '../output.js';
import { openFreshIndex } from './workspace.js';

interface DispatchFlags {
  json?: boolean;
  limit?: string;
  sync?: boolean;
}

export async function dispatch(ctx: CliContext, slug: string, flags: DispatchFlags): Promise<void> {
  const limit = parseLimit(flags.limit);
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  try {
    const repo = ws.repos.find((r) => r.slug === slug);
    if (!repo) throw notFound(`no repo ${slug} in the workspace (try \`custodian repo list\`)`);
    const doc = buildDispatch(dispatchInput(db, slug, repo.domain));
    if (flags.json) writeJson(limitDispatch(doc, limit));
    else writeLines(dispatchView(doc, { color: colors(), width: terminalWidth() }));
  } finally {
    db.close();
  }
}

export function dispatchInput(db: IndexDb, repo: string, domain: string | null): DispatchInput {
  const tasks = selectQueueTasks(db, { repos: [repo], statuses: ['todo', 'in_progress', 'blocked'] });
  return {
    repo,
    domain,
    tasks,
    catalog: workplanCatalog(workplansOf(db, tasks)),
    lookup: dependencyLookupFor(db, tasks),
    goals: goalsFor(db, repo, domain),
    interfaceChanges: interfaceChangesAffecting(db, repo),
    syncedAt: repoSyncedAt(db, repo),
  };
}

export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value.trim())) throw usageError(`--limit expects a whole number (0 for no limit), got ${JSON.stringify(value)}`);
  return Number(value);
}

function terminalWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return columns && columns > 40 ? Math.min(columns, 120) : 80;
}
