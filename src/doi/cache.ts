// DoI results in the index's `cache` table: scope 'doi', key the repo slug, fingerprint the
// combined fingerprint of its groups, value each group's results with its own fingerprint (so a
// partial change recomputes only the stale groups). The index may be deleted at any time: this
// is a cache of what git and the files imply, never state of its own.
import type { IndexDb } from '../index/db.js';
import type { GroupName } from './criterion.js';
import type { CriterionResult, TouchedTask } from './model.js';

export const DOI_SCOPE = 'doi';

export interface GroupEntry {
  fingerprint: string;
  checked_at: string;
  results: CriterionResult[];
  /** Facts a later group reads without recomputing this one (the tree's SBOM paths, for C11). */
  exports?: { sbom_paths?: string[] };
}

export type GroupEntries = Partial<Record<GroupName, GroupEntry>>;

export interface CachedRepo {
  fingerprint: string;
  groups: GroupEntries;
}

export function readCachedRepos(db: IndexDb, slugs: readonly string[]): Map<string, CachedRepo> {
  const wanted = new Set(slugs);
  const rows = db.prepare('SELECT key, fingerprint, value FROM cache WHERE scope = ?').all(DOI_SCOPE) as { key: string; fingerprint: string; value: string }[];
  const cached = new Map<string, CachedRepo>();
  for (const row of rows) {
    if (!wanted.has(row.key)) continue;
    const groups = parseGroups(row.value);
    if (groups) cached.set(row.key, { fingerprint: row.fingerprint, groups });
  }
  return cached;
}

export interface CacheRow {
  scope: string;
  key: string;
  fingerprint: string;
  value: string;
}

export function repoRow(slug: string, fingerprint: string, groups: GroupEntries): CacheRow {
  return { scope: DOI_SCOPE, key: slug, fingerprint, value: JSON.stringify({ groups }) };
}

/** Writes every row in one transaction. */
export function writeCacheRows(db: IndexDb, rows: readonly CacheRow[]): void {
  if (rows.length === 0) return;
  const upsert = db.prepare(
    `INSERT INTO cache (scope, key, fingerprint, value) VALUES (@scope, @key, @fingerprint, @value)
     ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, value = excluded.value`,
  );
  db.transaction(() => {
    for (const row of rows) upsert.run(row);
  }).immediate();
}

function parseGroups(value: string): GroupEntries | null {
  try {
    const parsed = JSON.parse(value) as { groups?: unknown };
    return typeof parsed.groups === 'object' && parsed.groups !== null ? (parsed.groups as GroupEntries) : null;
  } catch {
    return null;
  }
}

/**
 * The history group's git facts (commit times of the SBOM and of in_progress tasks), keyed without
 * the day, in their own rows so the cached path never reads them.
 */
export const HISTORY_FACTS_SCOPE = 'doi/history-facts';

export interface HistoryFactsRow {
  sbom_paths: string[];
  sbom_committed_at: number | null;
  stale_candidates: TouchedTask[];
}

export function readHistoryFacts(db: IndexDb, slug: string, fingerprint: string): HistoryFactsRow | null {
  const row = db.prepare('SELECT fingerprint, value FROM cache WHERE scope = ? AND key = ?').get(HISTORY_FACTS_SCOPE, slug) as
    | { fingerprint: string; value: string }
    | undefined;
  if (!row || row.fingerprint !== fingerprint) return null;
  try {
    return JSON.parse(row.value) as HistoryFactsRow;
  } catch {
    return null;
  }
}

export function historyFactsRow(slug: string, fingerprint: string, facts: HistoryFactsRow): CacheRow {
  return { scope: HISTORY_FACTS_SCOPE, key: slug, fingerprint, value: JSON.stringify(facts) };
}
