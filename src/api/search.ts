// `search <text>`: tasks, workplans, goals, decisions and interface changes whose titles and
// descriptions hold every word of the text (stems match: "claims" finds "claim"), best first.
import type { DocumentKind } from '../documents/model.js';
import { DOCUMENT_KINDS, normaliseStatus } from '../documents/vocabulary.js';
import { usageError } from '../errors.js';
import { matchQuery, searchIndex, type SearchRow } from '../index/queries/search.js';
import { ensureSearch } from '../index/search-table.js';
import type { WorkspaceMode } from '../workspace/types.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { selectedRepos } from './filters.js';

export interface SearchOptions extends WorkspaceOptions {
  text: string;
  repos?: string[];
  domains?: string[];
  /** Only these kinds (workplan, task, goal, interface-change, decision). */
  kinds?: string[];
  /** Only these statuses, each read in every kind's vocabulary (`done` is a task's done and a workplan's completed). */
  statuses?: string[];
  /** At most this many results (default 20; 0: all). */
  limit?: number;
}

export interface SearchItem {
  kind: DocumentKind;
  id: string | null;
  title: string;
  status: string | null;
  /** For a task: who holds it. */
  assignee: string | null;
  /** For a task: its workplan. */
  workplan_id: string | null;
  repo_slug: string;
  file: string;
  line: number;
  /** A line of the description around the first word found ('' when only the title matched). */
  excerpt: string;
  /** Relevance (bm25; higher is better). */
  score: number;
}

export interface SearchDocument {
  schema_version: 1;
  kind: 'search';
  mode: WorkspaceMode;
  query: string;
  items: SearchItem[];
  /** True when more matched than `limit`. */
  truncated: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 20;

export async function search(options: SearchOptions): Promise<SearchDocument> {
  const match = matchQuery(options.text);
  if (match === null) throw usageError('nothing to search for: give at least one word');
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw usageError(`--limit must be a whole number ≥ 0, not ${limit}`);
  const kinds = options.kinds?.length ? options.kinds.map(kindOf) : undefined;
  const statuses = options.statuses?.length ? statusesByKind(options.statuses) : undefined;
  const ws = await loadWorkspace(options);
  const rows = await withIndex(ws, options, async (db) => {
    const repos = selectedRepos(ws, { repos: options.repos, domains: options.domains });
    await ensureSearch(db, ws.index_path);
    return searchIndex(db, match, { repos, kinds, statuses, limit: limit === 0 ? 0 : limit + 1 });
  });
  const truncated = limit > 0 && rows.length > limit;
  const words = options.text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return { schema_version: 1, kind: 'search', mode: ws.mode, query: options.text, items: rows.slice(0, limit || undefined).map((row) => searchItem(row, words)), truncated };
}

function searchItem(row: SearchRow, words: string[]): SearchItem {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    status: row.status,
    assignee: row.assignee,
    workplan_id: row.workplan_id,
    repo_slug: row.repo,
    file: row.path,
    line: row.line,
    excerpt: excerpt(row.description, words),
    score: row.score,
  };
}

/** The first description line holding a word of the query (or the start of one: stems), trimmed to 160 characters. */
export function excerpt(description: string, words: readonly string[]): string {
  if (description === '') return '';
  const stems = words.map((word) => word.toLowerCase().slice(0, Math.max(3, word.length - 2)));
  const lines = description.split('\n');
  const line = lines.find((l) => stems.some((stem) => l.toLowerCase().includes(stem)));
  if (line === undefined) return '';
  const text = line.trim();
  if (text.length <= 160) return text;
  const lower = text.toLowerCase();
  const at = Math.min(...stems.map((stem) => lower.indexOf(stem)).filter((i) => i >= 0));
  const start = Math.max(0, Math.min(at - 60, text.length - 160));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 158).trim()}…`;
}

function kindOf(raw: string): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(raw)) throw usageError(`unknown kind ${JSON.stringify(raw)}: expected ${DOCUMENT_KINDS.join(', ')}`);
  return raw as DocumentKind;
}

/** Each status as every kind reads it; a status no kind knows is a usage error. */
function statusesByKind(raws: string[]): Partial<Record<DocumentKind, string[]>> {
  const byKind: Partial<Record<DocumentKind, string[]>> = {};
  for (const raw of raws) {
    let known = false;
    for (const kind of DOCUMENT_KINDS) {
      const { value } = normaliseStatus(kind, raw);
      if (value === null) continue;
      known = true;
      (byKind[kind] ??= []).push(value);
    }
    if (!known) throw usageError(`unknown status ${JSON.stringify(raw)}`);
  }
  return byKind;
}
