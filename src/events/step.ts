// The events step every sync runs, cheap when nothing happened: it stats the files each source's
// HEAD was last read from and compares them with what the index remembers (a cache row: the
// outbox is not even opened). A changed stamp means reading the HEADs; only a HEAD that really
// moved (or a new day's stale pass, for callers that ask for it) loads the derivation and opens
// the outbox.
import type { IndexDb } from '../index/db.js';
import type { Workspace } from '../workspace/types.js';
import { headsKey, readSourceHeads, sourcesOf, watchStamp } from './heads.js';
import type { DeriveOptions, DeriveOutcome } from './run.js';

const SCOPE = 'events';
const KEY = 'heads';

/** What the index remembers of the last complete derivation. */
interface Remembered {
  /** The files HEADs were read from (their stamps are the row's fingerprint). */
  files: string[];
  heads: string;
  stale_day: string | null;
}

export type StepOptions = Omit<DeriveOptions, 'since'>;

/** Derives what is new; null when nothing was due (the fast path). */
export async function eventsStep(ws: Workspace, index: IndexDb, options: StepOptions): Promise<DeriveOutcome | null> {
  const sources = sourcesOf(ws);
  const today = options.now.toISOString().slice(0, 10);
  const row = index.prepare('SELECT fingerprint, value FROM cache WHERE scope = ? AND key = ?').get(SCOPE, KEY) as { fingerprint: string; value: string } | undefined;
  const known = row ? remembered(row.value) : null;
  const staleDue = options.stale && known?.stale_day !== today;
  if (known && !staleDue && row!.fingerprint === watchStamp(sources, known.files)) return null;

  const heads = await readSourceHeads(sources);
  const files = heads.flatMap((h) => h.files);
  const remember = (staleDay: string | null) =>
    index
      .prepare('INSERT INTO cache (scope, key, fingerprint, value) VALUES (?, ?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, value = excluded.value')
      .run(SCOPE, KEY, watchStamp(sources, files), JSON.stringify({ files, heads: headsKey(heads), stale_day: staleDay } satisfies Remembered));
  // The files changed but no HEAD moved (a checkout of the same commit, refs packed): note the new stamps.
  if (known && !staleDue && known.heads === headsKey(heads)) {
    remember(known.stale_day);
    return null;
  }
  const { deriveEvents } = await import('./run.js');
  const outcome = await deriveEvents(ws, index, heads, options);
  // Remember only a complete derivation: a source that failed is tried again next time.
  if (outcome.recorded.length === heads.length) remember(options.stale && outcome.stale_done ? today : (known?.stale_day ?? null));
  return outcome;
}

/** The remembered state, or null for a row this version does not read (it is only a cache). */
function remembered(value: string): Remembered | null {
  try {
    const parsed = JSON.parse(value) as Partial<Remembered>;
    return Array.isArray(parsed.files) && typeof parsed.heads === 'string' ? (parsed as Remembered) : null;
  } catch {
    return null;
  }
}
