// `sync --watch`: chokidar on every repo's included folders; each burst of changes runs the
// incremental sync once and reports every file whose rows changed, until `signal` aborts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexDb } from '../index/db.js';
import { fileRowCounts } from '../index/queries/documents.js';
import type { FileChange } from '../index/sync.js';
import { includeBases } from '../workspace/include.js';
import type { Workspace } from '../workspace/types.js';
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
  const watcher = watchPaths(roots, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path) => /[\\/](?:\.git|node_modules)(?:[\\/]|$)/.test(path),
  });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => syncOnce(ws, options)).catch((error: Error) => options.onError?.(error));
    }, SETTLE_MS);
  };
  watcher.on('all', schedule);
  if (options.onReady) watcher.once('ready', () => options.onReady!({ repos: ws.repos.length }));
  await new Promise<void>((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      void watcher.close().then(() => running).then(resolve);
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}

async function syncOnce(ws: Workspace, options: WatchOptions): Promise<void> {
  const { syncWorkspace } = await import('../index/sync.js');
  const outcome = await syncWorkspace(ws);
  try {
    for (const change of outcome.changes) options.onChange(changeDocument(outcome.db, change));
  } finally {
    outcome.db.close();
  }
}

function changeDocument(db: IndexDb, change: FileChange): SyncChangeDocument {
  return { schema_version: 1, kind: 'sync-change', repo_slug: change.repo, file: change.file, change: change.change, ...fileRowCounts(db, change.repo, change.file) };
}
