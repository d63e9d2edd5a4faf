// `events`, `events publish`, `events backfill`, and the two hooks of a sync: derive once the index
// is fresh; publish at the end of an explicit sync. Events are derived from commits into the outbox
// (src/events); these operations read, extend and send it.
import { usageError } from '../errors.js';
import { EVENT_NAMES, eventName, fullType } from '../events/catalogue.js';
import type { CloudEvent } from '../events/envelope.js';
// Small and free of NATS code: asking whether publishing is configured loads no client.
import { natsTarget, type NatsTarget } from '../events/nats-target.js';
import type { Workspace } from '../workspace/types.js';
import { clockOf, envOf, loadWorkspace, openFreshIndex, warn, type WorkspaceOptions } from './context.js';

export type { CloudEvent, EventData } from '../events/envelope.js';

export interface EventsOptions extends WorkspaceOptions {
  /** The clock stale tasks are judged by (default: CUSTODIAN_NOW from `env` when set, for tests; else now). */
  now?: Date;
}

/** An event as CloudEvents JSON, with when JetStream acknowledged it (null while pending). */
export type EventItem = CloudEvent & { published_at: string | null };

export interface EventListDocument {
  schema_version: 1;
  kind: 'event-list';
  items: EventItem[];
}

export interface ListEventsOptions extends EventsOptions {
  /** Only events JetStream has not acknowledged yet. */
  pending?: boolean;
  /** Only events at or after this date or time (ISO 8601). */
  since?: string;
  /** Only these types (`task.completed` or `org.custodian.task.completed`). */
  types?: string[];
}

/** The outbox, oldest first; syncs and derives first (with the day's stale tasks) unless `sync: false`. */
export async function listEvents(options: ListEventsOptions = {}): Promise<EventListDocument> {
  const types = options.types?.map(typeArgument);
  const since = options.since === undefined ? undefined : dateArgument(options.since, 'since').toISOString();
  const ws = await loadWorkspace(options);
  await deriveFresh(ws, options);
  const { openOutbox, outboxPath, selectEvents } = await import('../events/outbox.js');
  const outbox = openOutbox(outboxPath(ws));
  try {
    const items = selectEvents(outbox, { pending: options.pending, since, types }).map((s) => ({ ...s.event, published_at: s.published_at }));
    return { schema_version: 1, kind: 'event-list', items };
  } finally {
    outbox.close();
  }
}

export interface EventPublishDocument {
  schema_version: 1;
  kind: 'event-publish';
  /** The servers tried, without credentials. */
  servers: string[];
  published: number;
  /** Events still pending afterwards. */
  pending: number;
  /** Why publishing stopped early (the server is down, refused the credentials, timed out…); null when all went. */
  failure: string | null;
}

/**
 * Sends every pending event to NATS JetStream (NATS_URL in `env`; exit 2 without it). Syncs and
 * derives first unless `sync: false`. A server that cannot be reached is a `failure` in the
 * document and a warning, never an error: the events stay pending.
 */
export async function publishEvents(options: EventsOptions = {}): Promise<EventPublishDocument> {
  const target = natsTarget(envOf(options));
  if (target === null) throw usageError('NATS_URL is not set: set it to the NATS server to publish to (e.g. nats://127.0.0.1:4222)');
  const ws = await loadWorkspace(options);
  await deriveFresh(ws, options);
  return (await publishTo(ws, target, options, { always: true }))!;
}

/**
 * Publishing at the end of an explicit sync: null when NATS_URL is unset or nothing is pending
 * (then no connection is made and no NATS module is loaded).
 */
export async function publishAfterSync(ws: Workspace, options: WorkspaceOptions): Promise<EventPublishDocument | null> {
  let target: NatsTarget | null;
  try {
    target = natsTarget(envOf(options));
  } catch (error) {
    warn(options, `events: ${(error as Error).message}; events stay pending`);
    return null;
  }
  return target === null ? null : publishTo(ws, target, options, { always: false });
}

async function publishTo(ws: Workspace, target: NatsTarget, options: WorkspaceOptions, how: { always: boolean }): Promise<EventPublishDocument | null> {
  const { countPending, openOutbox, outboxPath } = await import('../events/outbox.js');
  const outbox = openOutbox(outboxPath(ws));
  try {
    const base = { schema_version: 1 as const, kind: 'event-publish' as const, servers: target.servers };
    if (countPending(outbox) === 0) return how.always ? { ...base, published: 0, pending: 0, failure: null } : null;
    const { publishPending } = await import('../events/publish.js');
    const result = await publishPending(outbox, target, () => new Date());
    if (result.failure !== null) {
      const stay = `${result.pending} event${result.pending === 1 ? '' : 's'} stay${result.pending === 1 ? 's' : ''} pending`;
      warn(options, `events: could not publish to ${target.servers.join(', ')}: ${result.failure}; ${stay}`);
    }
    return { ...base, ...result };
  } finally {
    outbox.close();
  }
}

export interface EventBackfillDocument {
  schema_version: 1;
  kind: 'event-backfill';
  since: string;
  /** New events stored (those already in the outbox are not counted again). */
  derived: number;
}

export interface BackfillOptions extends EventsOptions {
  /** Derive the events of commits at or after this date or time (ISO 8601). */
  since: string;
}

/** Derives the events of every commit since a date (and the tasks stale since then), on purpose. */
export async function backfillEvents(options: BackfillOptions): Promise<EventBackfillDocument> {
  const since = dateArgument(options.since, 'since');
  const now = options.now ?? clockOf(options);
  if (since.getTime() > now.getTime()) throw usageError(`--since ${options.since} is in the future`);
  const ws = await loadWorkspace(options);
  const { db } = await openFreshIndex(ws, { ...options, sync: true }, { stale: true });
  try {
    const [{ readSourceHeads, sourcesOf }, { deriveEvents }] = await Promise.all([import('../events/heads.js'), import('../events/run.js')]);
    const heads = await readSourceHeads(sourcesOf(ws));
    const outcome = await deriveEvents(ws, db, heads, { now, stale: true, since, warn: (m) => warn(options, m) });
    return { schema_version: 1, kind: 'event-backfill', since: since.toISOString(), derived: outcome.derived };
  } finally {
    db.close();
  }
}

/** Syncs and derives (with the day's stale tasks) unless `sync: false`. */
async function deriveFresh(ws: Workspace, options: EventsOptions): Promise<void> {
  if (options.sync === false) return;
  const { db } = await openFreshIndex(ws, options, { stale: true });
  db.close();
}

function typeArgument(value: string): string {
  const name = eventName(value.trim());
  if (name === null) throw usageError(`unknown event type ${JSON.stringify(value)}: expected one of ${EVENT_NAMES.join(', ')}`);
  return fullType(name);
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function dateArgument(value: string, option: string): Date {
  const date = new Date(value.trim());
  if (!DATE.test(value.trim()) || Number.isNaN(date.getTime())) {
    throw usageError(`--${option} ${JSON.stringify(value)} is not a date: expected ISO 8601, e.g. 2026-03-01 or 2026-03-01T12:00:00Z`);
  }
  return date;
}
