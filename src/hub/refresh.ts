// Refreshing url sources: fetch each enabled one whose cached snapshot is older than its
// cache_ttl_seconds (all of them when forced), validate it against the snapshot schema and store
// it; a failure is recorded as the source's last_error and leaves it out of the view until a fetch
// succeeds. One refresh runs at a time in a process; a forced one waits for the running one.
import { sha256Hex } from '../hashing.js';
import { snapshotText } from '../snapshot/text.js';
import { checkSnapshot } from '../snapshot/validate.js';
import { FetchError, safeFetchText } from './fetch/safe-fetch.js';
import type { FetchPolicy } from './fetch/policy.js';
import type { HubStore, SourceRecord } from './store/types.js';

export interface ComposeItem {
  name: string;
  /** `fetched`: a new snapshot is stored; `failed`: see last_error; `fresh`: the cached one is within its TTL; `push`/`disabled`: not fetched. */
  outcome: 'fetched' | 'failed' | 'fresh' | 'push' | 'disabled';
  last_error: string | null;
}

export interface ComposeReport {
  schema_version: 1;
  kind: 'compose-report';
  items: ComposeItem[];
}

export interface Refresher {
  refresh(options: { force: boolean }): Promise<ComposeReport>;
}

/** Fetches at once, at most. */
const CONCURRENCY = 8;

export function createRefresher(store: HubStore, policy: FetchPolicy, now: () => Date): Refresher {
  let running: Promise<unknown> = Promise.resolve();
  return {
    refresh(options) {
      const run = running.then(() => refreshOnce(store, policy, now, options.force));
      running = run.catch(() => undefined);
      return run;
    },
  };
}

async function refreshOnce(store: HubStore, policy: FetchPolicy, now: () => Date, force: boolean): Promise<ComposeReport> {
  const sources = await store.listSources();
  const items = new Map<string, ComposeItem>();
  const due: SourceRecord[] = [];
  for (const source of sources) {
    if (!source.enabled) items.set(source.name, { name: source.name, outcome: 'disabled', last_error: source.last_error });
    else if (source.url === null) items.set(source.name, { name: source.name, outcome: 'push', last_error: source.last_error });
    else if (!force && fresh(source, now())) items.set(source.name, { name: source.name, outcome: 'fresh', last_error: null });
    else due.push(source);
  }
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const source = due[next++];
      items.set(source.name, await fetchSource(store, policy, now, source));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return { schema_version: 1, kind: 'compose-report', items: sources.map((s) => items.get(s.name)!) };
}

function fresh(source: SourceRecord, now: Date): boolean {
  if (source.status !== 'ok' || source.received_at === null) return false;
  return Date.parse(source.received_at) + source.cache_ttl_seconds * 1000 > now.getTime();
}

async function fetchSource(store: HubStore, policy: FetchPolicy, now: () => Date, source: SourceRecord): Promise<ComposeItem> {
  try {
    const { text } = await safeFetchText(source.url!, policy);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new FetchError('the response is not JSON');
    }
    const check = checkSnapshot(parsed);
    if (!check.ok) throw new FetchError(check.error);
    const stored = snapshotText(check.snapshot);
    await store.putSnapshot(source.name, { text: stored, digest: sha256Hex(stored), received_at: now().toISOString() }, true);
    return { name: source.name, outcome: 'fetched', last_error: null };
  } catch (error) {
    const message = error instanceof FetchError ? error.message : 'internal error while fetching';
    await store.recordFetchError(source.name, message, now().toISOString());
    return { name: source.name, outcome: 'failed', last_error: message };
  }
}
