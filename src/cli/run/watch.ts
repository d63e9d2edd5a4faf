// `sync --watch`: chokidar on every repo's included folders; each burst of changes runs the
// incremental sync once and reports every file whose rows changed (NDJSON with --json).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { syncWorkspace, type FileChange } from '../../index/sync.js';
import { includeBases } from '../../workspace/include.js';
import type { Workspace } from '../../workspace/types.js';

const SETTLE_MS = 150;

export async function watchWorkspace(ws: Workspace, options: { json: boolean; onReady?: () => void }): Promise<void> {
  // Only folders that exist can be watched; the repo root (one level) catches a base folder being created.
  const roots = ws.repos.flatMap((repo) => [repo.checkout, ...includeBases(repo.include).map((base) => join(repo.checkout, base))]).filter((dir) => existsSync(dir));
  const watcher = watch(roots, {
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
      running = running.then(() => syncOnce(ws, options.json)).catch((error: Error) => {
        process.stderr.write(`custodian: sync failed: ${error.message}\n`);
      });
    }, SETTLE_MS);
  };
  watcher.on('all', schedule);
  if (options.onReady) watcher.once('ready', options.onReady);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void watcher.close().then(() => running).then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function syncOnce(ws: Workspace, json: boolean): Promise<void> {
  const outcome = await syncWorkspace(ws);
  try {
    for (const change of outcome.changes) report(outcome.db, change, json);
  } finally {
    outcome.db.close();
  }
}

function report(db: import('../../index/db.js').IndexDb, change: FileChange, json: boolean): void {
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM documents d JOIN files f ON f.id = d.file_id WHERE f.repo = ? AND f.path = ?) AS documents,
              (SELECT COUNT(*) FROM tasks t JOIN files f ON f.id = t.file_id WHERE f.repo = ? AND f.path = ?) AS tasks,
              (SELECT COUNT(*) FROM diagnostics g JOIN files f ON f.id = g.file_id WHERE f.repo = ? AND f.path = ?) AS diagnostics`,
    )
    .get(change.repo, change.file, change.repo, change.file, change.repo, change.file) as { documents: number; tasks: number; diagnostics: number };
  if (json) {
    process.stdout.write(`${JSON.stringify({ schema_version: 1, kind: 'sync-change', repo_slug: change.repo, file: change.file, change: change.change, ...counts })}\n`);
  } else {
    process.stdout.write(`${change.change.padEnd(7)}  ${change.repo}/${change.file}  (${counts.tasks} tasks, ${counts.diagnostics} diagnostics)\n`);
  }
}
