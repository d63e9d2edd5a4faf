// better-sqlite3 told where its native addon is. Left to itself the package finds the addon through
// the `bindings` module, which probes a dozen paths relative to the calling file; the CLI bundles
// the package's JavaScript (loading its dozen small CommonJS modules cost every command ~8 ms), and
// from the bundle that probe would look beside the bundle instead of in the package.
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';

export type SqliteDatabase = Database.Database;

let addon: string | undefined;

export function openSqlite(path: string, options: Database.Options = {}): SqliteDatabase {
  addon ??= createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  return new Database(path, { ...options, nativeBinding: addon });
}
