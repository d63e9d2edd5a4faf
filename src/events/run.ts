// The slow half of the events step, loaded only when a HEAD moved, a new day's stale pass is due,
// or events are asked for: per source, derive from the last derived commit to HEAD (and the stale
// tasks), then record everything with the new cursors in one outbox transaction.
import { limiter, type Limiter } from '../doi/facts/limit.js';
import type { IndexDb } from '../index/db.js';
import { compileInclude, includeBases } from '../workspace/include.js';
import type { RepoConfig, Workspace } from '../workspace/types.js';
import { CONFIG_FILE_NAME } from '../workspace/types.js';
import type { CloudEvent } from './envelope.js';
import { WORKSPACE_KEY, type SourceHead } from './heads.js';
import { openOutbox, outboxPath, readCursors, recordDerivations, type Cursor, type Derivation } from './outbox.js';
import { staleEvents } from './stale.js';
import { deriveRange, type EventSource } from './walk.js';

export interface DeriveOptions {
  now: Date;
  /** Look for stale tasks (once per source and day). */
  stale: boolean;
  /** Backfill: derive the commits since this time again, and start the sources' events there. */
  since?: Date;
  warn(message: string): void;
}

export interface DeriveOutcome {
  /** New events stored in the outbox. */
  derived: number;
  /** Sources recorded at their HEAD (the others failed and were warned about). */
  recorded: string[];
  /** The stale pass ran (or was not due) for every recorded source. */
  stale_done: boolean;
}

export async function deriveEvents(ws: Workspace, index: IndexDb, heads: readonly SourceHead[], options: DeriveOptions): Promise<DeriveOutcome> {
  const outbox = openOutbox(outboxPath(ws));
  try {
    const cursors = readCursors(outbox);
    const limit = limiter(8);
    const results = await Promise.all(
      heads.map(async (head) => {
        try {
          return await deriveSource(ws, index, head, cursors.get(head.key), limit, options);
        } catch (error) {
          options.warn(`events: ${head.key === WORKSPACE_KEY ? 'the registry' : `repo ${head.key}`}: ${error instanceof Error ? error.message : String(error)}; its events will be derived on a later sync`);
          return null;
        }
      }),
    );
    const derivations = results.filter((d): d is Derivation => d !== null);
    const derived = recordDerivations(outbox, derivations, options.now.toISOString());
    const today = day(options.now);
    return {
      derived,
      recorded: derivations.map((d) => d.source),
      stale_done: derivations.every((d) => d.stale_day === today || d.source === WORKSPACE_KEY),
    };
  } finally {
    outbox.close();
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10);

async function deriveSource(ws: Workspace, index: IndexDb, head: SourceHead, cursor: Cursor | undefined, limit: Limiter, options: DeriveOptions): Promise<Derivation | null> {
  const nowIso = options.now.toISOString();
  const today = day(options.now);
  const repo = ws.repos.find((r) => r.slug === head.key);
  const source = repo ? repoSource(repo, head) : registrySource(head);
  const backfill = options.since;
  // The first sync of a source records where it is and makes no event for older history.
  if (cursor === undefined && backfill === undefined) {
    return { source: head.key, from: undefined, commit_sha: head.head, started_at: nowIso, stale_day: today, events: [], abandoned: [] };
  }
  const started = backfill && (!cursor || backfill.toISOString() < cursor.started_at) ? backfill.toISOString() : cursor!.started_at;
  const events: CloudEvent[] = [];
  let abandoned: string[] = [];
  if (head.head !== null && (backfill !== undefined || cursor!.commit_sha !== head.head)) {
    const range = backfill
      ? { from: null, to: head.head, since: Math.floor(backfill.getTime() / 1000) }
      : { from: cursor!.commit_sha, to: head.head };
    const found = await limit(() => deriveRange(source, range));
    if (found === null) {
      options.warn(`events: ${head.key === WORKSPACE_KEY ? 'the registry' : `repo ${head.key}`}: the last derived commit ${cursor!.commit_sha} is no longer in the repository (history rewritten); events resume from HEAD`);
    } else {
      events.push(...found.events);
      abandoned = found.abandoned;
    }
  }
  let staleDay = cursor?.stale_day ?? null;
  if (repo && options.stale && (staleDay !== today || backfill !== undefined)) {
    events.push(...(await staleEvents(repo, index, options.now, new Date(started), limit)));
    staleDay = today;
  }
  return { source: head.key, from: cursor, commit_sha: head.head, started_at: started, stale_day: staleDay, events, abandoned };
}

function repoSource(repo: RepoConfig, head: SourceHead): EventSource {
  const bases = includeBases(repo.include);
  return {
    key: repo.slug,
    cwd: head.cwd,
    pathspecs: bases.includes('') ? [] : bases,
    matches: compileInclude(repo.include),
    repo: { slug: repo.slug, domain: repo.domain, remote_url: repo.remote_url },
  };
}

function registrySource(head: SourceHead): EventSource {
  return { key: WORKSPACE_KEY, cwd: head.cwd, pathspecs: [CONFIG_FILE_NAME], matches: (path) => path === CONFIG_FILE_NAME, repo: null };
}
