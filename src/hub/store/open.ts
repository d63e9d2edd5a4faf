// `--store`: a postgres:// (or postgresql://) URL opens the PostgreSQL store, anything else is a
// SQLite file. Each backend's driver loads only when chosen.
import type { HubStore } from './types.js';

export function isPostgresUrl(store: string): boolean {
  return /^postgres(ql)?:\/\//i.test(store);
}

export async function openStore(store: string): Promise<HubStore> {
  const opened = isPostgresUrl(store)
    ? await (await import('./postgres.js')).openPostgresStore(store)
    : (await import('./sqlite.js')).openSqliteStore(store);
  try {
    await opened.migrate();
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
  return opened;
}
