// The outbox: `<workspace>/.custodian/outbox.sqlite`, beside the index but never thrown away with
// it. It holds every derived event until JetStream acknowledges it (and after, marked published),
// and per source the last commit events were derived for, written in the same transaction as the
// events, so a rebuilt index or a killed sync never emits an event twice or loses one.
import { openSqlite, type SqliteDatabase } from '../sqlite.js';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CustodianError } from '../errors.js';
import type { Workspace } from '../workspace/types.js';
import type { CloudEvent } from './envelope.js';

export type OutboxDb = SqliteDatabase;

const APPLICATION_ID = 0x43555345; // "CUSE": not the index's id, so neither is taken for the other
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  repo TEXT NOT NULL,
  subject TEXT NOT NULL,
  new_value TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  time TEXT NOT NULL,
  derived_at TEXT NOT NULL,
  published_at TEXT,
  -- The commit in HEAD's history that stands for this change now: the one that made it, or a
  -- rewritten copy of it (a rebase, amend or re-commit). orphaned: that commit left HEAD's
  -- history, so the next copy of the same change takes its place instead of being emitted again.
  live_commit TEXT NOT NULL,
  orphaned INTEGER NOT NULL DEFAULT 0,
  event TEXT NOT NULL
);
CREATE INDEX events_pending ON events (seq) WHERE published_at IS NULL;
CREATE INDEX events_live_commit ON events (live_commit);
CREATE INDEX events_change ON events (repo, subject, type, new_value);
CREATE TABLE cursors (
  source TEXT PRIMARY KEY,
  commit_sha TEXT,
  started_at TEXT NOT NULL,
  stale_day TEXT,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
`;

/** In a workspace, `<workspace>/.custodian/outbox.sqlite`; in single-repo mode beside the index (outside the repo). */
export function outboxPath(ws: Workspace): string {
  return ws.mode === 'workspace' ? join(ws.root, '.custodian', 'outbox.sqlite') : join(dirname(ws.index_path), 'outbox.sqlite');
}

export function openOutbox(path: string): OutboxDb {
  mkdirSync(dirname(path), { recursive: true });
  let db: OutboxDb;
  try {
    db = openSqlite(path);
  } catch (error) {
    throw unusable(path, error);
  }
  try {
    db.pragma('busy_timeout = 15000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    ensureSchema(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof CustodianError ? error : unusable(path, error);
  }
}

/** Unlike the index, the outbox is never discarded: what it holds cannot be rebuilt from the files. */
function unusable(path: string, cause: unknown): CustodianError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CustodianError('internal', `cannot use the event outbox ${path}: ${reason} (it is kept as it is; move it aside to start a new one)`, { cause });
}

function ensureSchema(db: OutboxDb, path: string): void {
  const check = () => {
    const id = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (id === APPLICATION_ID && version === SCHEMA_VERSION) return true;
    if (id === APPLICATION_ID && version > SCHEMA_VERSION) throw unusable(path, new Error(`it was written by a newer custodian (outbox schema ${version})`));
    const tables = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number;
    if (id !== APPLICATION_ID && (id !== 0 || tables > 0)) throw unusable(path, new Error('it is not a custodian outbox'));
    return false;
  };
  if (check()) return;
  db.transaction(() => {
    if (check()) return;
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export interface Cursor {
  source: string;
  /** The last commit events were derived for (null: the repo had no commits). */
  commit_sha: string | null;
  /** Events start here: the first sync of the source, or an earlier backfill date (ISO 8601). */
  started_at: string;
  /** The last day (UTC) stale tasks were looked for. */
  stale_day: string | null;
}

export function readCursors(db: OutboxDb): Map<string, Cursor> {
  const rows = db.prepare('SELECT source, commit_sha, started_at, stale_day FROM cursors').all() as Cursor[];
  return new Map(rows.map((r) => [r.source, r]));
}

/** What one source's derivation found, to be recorded in one transaction with its cursor. */
export interface Derivation {
  source: string;
  /** The cursor the derivation started from (undefined: none); nothing is written if another process moved it since. */
  from: Cursor | undefined;
  commit_sha: string | null;
  started_at: string;
  stale_day: string | null;
  events: CloudEvent[];
  /** Commits HEAD's history no longer holds: their events are orphaned (see recordDerivations). */
  abandoned: string[];
}

/**
 * Records derivations; returns how many new events were stored. An event whose commit left HEAD's
 * history (a rebase, amend, reset or force-push) is marked orphaned; the next copy of the same
 * change (same type, repo, document and value) is adopted by it rather than emitted again, so
 * rewriting history never repeats an event.
 */
export function recordDerivations(db: OutboxDb, derivations: readonly Derivation[], now: string): number {
  const insert = db.prepare(
    `INSERT INTO events (id, type, repo, subject, new_value, commit_sha, live_commit, time, derived_at, event)
     VALUES (@id, @type, @repo, @subject, @new_value, @commit_sha, @commit_sha, @time, @derived_at, @event)
     ON CONFLICT (id) DO UPDATE SET live_commit = excluded.live_commit, orphaned = 0`,
  );
  const orphan = db.prepare('UPDATE events SET orphaned = 1 WHERE live_commit = ?');
  const orphaned = db.prepare(
    'SELECT seq FROM events WHERE type = ? AND repo = ? AND subject = ? AND new_value = ? AND orphaned = 1 ORDER BY seq LIMIT 1',
  );
  const adopt = db.prepare('UPDATE events SET live_commit = ?, orphaned = 0 WHERE seq = ?');
  const exists = db.prepare('SELECT 1 FROM events WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO cursors (source, commit_sha, started_at, stale_day, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET commit_sha = excluded.commit_sha, started_at = excluded.started_at,
       stale_day = excluded.stale_day, updated_at = excluded.updated_at`,
  );
  const current = db.prepare('SELECT source, commit_sha, started_at, stale_day FROM cursors WHERE source = ?');
  let stored = 0;
  db.transaction(() => {
    for (const d of derivations) {
      if (!sameCursor(current.get(d.source) as Cursor | undefined, d.from)) continue; // another process derived meanwhile: its result stands
      for (const commit of d.abandoned) orphan.run(commit);
      for (const event of d.events) {
        const r = row(event, now);
        if (!exists.get(r.id)) {
          const copyOf = orphaned.get(r.type, r.repo, r.subject, r.new_value) as { seq: number } | undefined;
          if (copyOf) {
            adopt.run(r.commit_sha, copyOf.seq);
            continue;
          }
          stored++;
        }
        insert.run(r);
      }
      upsert.run(d.source, d.commit_sha, d.started_at, d.stale_day, now);
    }
  }).immediate();
  return stored;
}

function sameCursor(a: Cursor | undefined, b: Cursor | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.commit_sha === b.commit_sha && a.started_at === b.started_at && a.stale_day === b.stale_day;
}

function row(event: CloudEvent, derivedAt: string) {
  return {
    id: event.id,
    type: event.type,
    repo: event.data.repo,
    subject: event.subject,
    new_value: event.data.new_value,
    commit_sha: event.data.commit,
    time: event.time,
    derived_at: derivedAt,
    event: JSON.stringify(event),
  };
}

export interface StoredEvent {
  seq: number;
  event: CloudEvent;
  published_at: string | null;
}

export interface EventFilter {
  pending?: boolean;
  /** Only events whose time is at or after this ISO 8601 time. */
  since?: string;
  /** Full types (`org.custodian.task.completed`). */
  types?: string[];
  limit?: number;
}

export function selectEvents(db: OutboxDb, filter: EventFilter = {}): StoredEvent[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.pending) where.push('published_at IS NULL');
  if (filter.since !== undefined) {
    // Times are stored as written (UTC, `Z`): compare as instants, not as text.
    where.push("julianday(time) >= julianday(?)");
    params.push(filter.since);
  }
  if (filter.types && filter.types.length > 0) {
    where.push(`type IN (${filter.types.map(() => '?').join(', ')})`);
    params.push(...filter.types);
  }
  const sql = `SELECT seq, event, published_at FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${filter.limit ? ' LIMIT ?' : ''}`;
  if (filter.limit) params.push(filter.limit);
  const rows = db.prepare(sql).all(...params) as { seq: number; event: string; published_at: string | null }[];
  return rows.map((r) => ({ seq: r.seq, event: JSON.parse(r.event) as CloudEvent, published_at: r.published_at }));
}

export function countPending(db: OutboxDb): number {
  return db.prepare('SELECT COUNT(*) FROM events WHERE published_at IS NULL').pluck().get() as number;
}

export function markPublished(db: OutboxDb, id: string, at: string): void {
  db.prepare('UPDATE events SET published_at = ? WHERE id = ? AND published_at IS NULL').run(at, id);
}
