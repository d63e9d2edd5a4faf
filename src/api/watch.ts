// `sync --watch`: chokidar on every repo's included folders; each burst of changes runs the
// incremental sync once and reports every file whose rows changed, until `signal` aborts. While no
// change has come since its last sync, the watcher vouches for the index to the reads that ask
// (src/index/watch-vouch.ts): they then skip stat'ing every file.
import { existsSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexDb } from '../index/db.js';
import { repoConfigKey } from '../index/plan.js';
import { fileRowCounts } from '../index/queries/documents.js';
import type { FileChange } from '../index/sync.js';
import { serveVouches } from '../index/vouch-server.js';
import { lstatOrNull } from '../index/stamps.js';
import { inUnwatchedFolder, recordWatchToken } from '../index/watch-vouch.js';
import { nodeCrypto } from '../lazy-builtins.js';
import { includeBases } from '../workspace/include.js';
import { statOrNull } from '../workspace/repo-file.js';
import type { RepoConfig, Workspace } from '../workspace/types.js';
import { loadWorkspace, type WorkspaceOptions } from './context.js';

const SETTLE_MS = 150;

export interface WatchOptions extends WorkspaceOptions {
  /** Stops watching; `watch` resolves once the last sync has finished. */
  signal: AbortSignal;
  /** One call per file whose rows a sync changed. */
  onChange(change: SyncChangeDocument): void;
  /** Watching has begun (the initial scan of the folders is done). */
  onReady?(info: { repos: number }): void;
  /** A sync that failed; watching goes on. */
  onError?(error: Error): void;
  /** Why reads will not skip their stat walk while this watcher runs (no vouching), when that is news. */
  onNotice?(message: string): void;
}

export interface SyncChangeDocument {
  schema_version: 1;
  kind: 'sync-change';
  repo_slug: string;
  file: string;
  change: FileChange['change'];
  /** What the index now holds for the file. */
  documents: number;
  tasks: number;
  diagnostics: number;
}

export async function watch(options: WatchOptions): Promise<void> {
  const ws = await loadWorkspace(options);
  const { watch: watchPaths } = await import('chokidar');
  // Only folders that exist can be watched; the repo root (one level) catches a base folder being created.
  const roots = ws.repos.flatMap((repo) => [repo.checkout, ...includeBases(repo.include).map((base) => join(repo.checkout, base))]).filter((dir) => existsSync(dir));
  // The index and its companions may sit inside a watched repo: their writes are no change of a file.
  const ignored = (path: string) => inUnwatchedFolder(path) || path === ws.index_path || path.startsWith(`${ws.index_path}-`) || path.startsWith(`${ws.index_path}.`);
  const state = new VouchState(watchedRepos(ws));
  // Listening first: a watcher that finds another one answering for this index leaves the index's
  // token to it (recording its own would make the other's answers useless).
  const server = await serveVouches(ws.index_path, state, (message) => options.onNotice?.(message));
  if (server === null) state.broken('this watcher does not vouch (said at its start)');
  // Made after the last await before its listeners: none of its events (`ready` above all) can come unheard.
  const watcher = watchPaths(roots, { ignoreInitial: true, followSymlinks: false, ignored });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delay = SETTLE_MS) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => syncOnce(ws, options, state)).catch((error: Error) => options.onError?.(error));
    }, delay);
  };
  const changed = () => {
    state.changed();
    schedule();
  };
  watcher.on('all', changed);
  // Raw events arrive in the kernel's order, before chokidar's own (which wait for stats): a change
  // counts from its first event, so the cookie that follows a question finds it counted.
  watcher.on('raw', (_event, name: string | null, details) => {
    const folder = (details as { watchedPath?: string } | undefined)?.watchedPath;
    const path = name && folder ? join(folder, name) : folder;
    if (path === undefined || !ignored(path)) changed();
  });
  watcher.on('error', (error: unknown) => state.broken(`the file watch failed (${error instanceof Error ? error.message : String(error)})`));
  watcher.once('ready', () => {
    // Changes made before the watch began are caught by a first sync; only then can the watcher vouch.
    state.ready();
    schedule(0);
    options.onReady?.({ repos: ws.repos.length });
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      state.broken('the watcher is stopping');
      void (server?.close() ?? Promise.resolve())
        .then(() => watcher.close())
        .then(() => running)
        .then(resolve);
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * What the watcher can vouch for. Every change event moves `seen`; a sync that no event overtook
 * (none came between its start and its end) records a fresh token in the index and marks `seen`
 * at its start as synced. The watcher vouches while nothing was seen since.
 */
class VouchState {
  private seen = 0;
  private synced: number | null = null;
  private token = '';
  private started = false;
  private failure: string | null = null;

  constructor(private readonly repos: WatchedRepo[]) {}

  changed(): void {
    this.seen++;
  }

  ready(): void {
    this.started = true;
  }

  broken(reason: string): void {
    this.failure ??= reason;
  }

  /** A sync is starting: what it will have covered if no change overtakes it. */
  syncStarts(): number {
    return this.seen;
  }

  /** The sync that started at `from` has written `db`: records a token if no change came meanwhile. */
  syncEnded(from: number, db: IndexDb): void {
    if (this.seen !== from || this.failure !== null) return;
    const token = nodeCrypto().randomUUID();
    try {
      recordWatchToken(db, token);
    } catch {
      // An index that cannot be written to now (a long write elsewhere, a read-only disk): no vouching until the next sync.
      return;
    }
    this.token = token;
    this.synced = from;
  }

  doubt(): string | null {
    if (this.failure !== null) return this.failure;
    if (!this.started) return 'the watcher is still starting';
    if (this.synced !== this.seen) return 'files changed since the watcher last synced';
    return null;
  }

  vouch(): { token: string; repos: string[] } {
    return { token: this.token, repos: this.repos.filter(stillWatched).map((repo) => repo.key) };
  }
}

interface WatchedRepo {
  key: string;
  checkout: string;
  dev: number;
  ino: number;
}

/**
 * The repos whose every change this watcher sees: a checkout that is a folder of its own (not a
 * link, which chokidar would not follow) on a local file system (a network file system reports no
 * change made from another machine).
 */
function watchedRepos(ws: Workspace): WatchedRepo[] {
  return ws.repos.flatMap((repo: RepoConfig) => {
    const stats = statOrNull(repo.checkout);
    // Reached through a link, the checkout is not watched at all (followSymlinks: false).
    if (!stats?.isDirectory() || lstatOrNull(repo.checkout)?.isSymbolicLink() !== false || !onLocalFileSystem(repo.checkout)) return [];
    return [{ key: repoConfigKey(repo), checkout: repo.checkout, dev: stats.dev, ino: stats.ino }];
  });
}

/** Still the folder the watch began on: one removed and made again is no longer watched. */
function stillWatched(repo: WatchedRepo): boolean {
  const stats = statOrNull(repo.checkout);
  return stats?.dev === repo.dev && stats.ino === repo.ino;
}

/** Linux file system types whose changes inotify reports, whoever makes them (statfs f_type). */
const LOCAL_FILE_SYSTEMS = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
  0xca451a4e, // bcachefs
  0x52654973, // reiserfs
  0x3153464a, // jfs
]);

function onLocalFileSystem(path: string): boolean {
  try {
    return LOCAL_FILE_SYSTEMS.has(statfsSync(path).type);
  } catch {
    return false;
  }
}

async function syncOnce(ws: Workspace, options: WatchOptions, state: VouchState): Promise<void> {
  const { syncWorkspace } = await import('../index/sync.js');
  const from = state.syncStarts();
  const outcome = await syncWorkspace(ws);
  try {
    state.syncEnded(from, outcome.db);
    for (const change of outcome.changes) options.onChange(changeDocument(outcome.db, change));
  } finally {
    outcome.db.close();
  }
}

function changeDocument(db: IndexDb, change: FileChange): SyncChangeDocument {
  return { schema_version: 1, kind: 'sync-change', repo_slug: change.repo, file: change.file, change: change.change, ...fileRowCounts(db, change.repo, change.file) };
}
