// What the index remembers about repos and files: each sync reads the repo rows, and a repo's
// file rows only where its summary cannot vouch for them.
import type { IndexDb } from './db.js';
import { packStamps } from './stamps.js';

export interface RepoRow {
  slug: string;
  checkout: string;
  config_hash: string;
  git_index_stamp: string | null;
  dir_stamps: string;
  generation: number;
  synced_at: string | null;
  /** Every recorded path of the repo, NUL-separated (see the schema): the no-op check's list. */
  file_paths: string;
  /** Every recorded stamp as numbers, in the order of file_paths (packStamps, src/index/stamps.ts). */
  file_stamps: Buffer;
}

export interface FileRow {
  id: number;
  repo: string;
  path: string;
  stamp: string;
  racy: number;
}

/** A repo's recorded files rows, read when needed. */
export interface RecordedFiles {
  all(): FileRow[];
  /** One path's row: the summary names the racy files, and only they need theirs. */
  one(path: string): FileRow | undefined;
}

export interface IndexState {
  repos: Map<string, RepoRow>;
  /**
   * A repo's recorded files: the no-op check of an unchanged repo goes by its row's summary
   * (RepoRow.file_paths) and never builds ten thousand row objects.
   */
  recorded(repo: string): RecordedFiles;
}

/**
 * The repo rows, of every repo or only of `only`'s: a sync limited to one repo (a pre-commit
 * check, an edit) does not read the other repos' summaries, each a string of every path.
 */
export function readRepoRows(db: IndexDb, only: ReadonlySet<string> | null = null): Map<string, RepoRow> {
  const repos = new Map<string, RepoRow>();
  if (only === null) {
    for (const row of db.prepare('SELECT * FROM repos').all() as RepoRow[]) repos.set(row.slug, row);
    return repos;
  }
  const one = db.prepare('SELECT * FROM repos WHERE slug = ?');
  for (const slug of only) {
    const row = one.get(slug) as RepoRow | undefined;
    if (row) repos.set(slug, row);
  }
  return repos;
}

/** The slugs of the repos the index holds. */
export function indexedRepos(db: IndexDb): Set<string> {
  return new Set(db.prepare('SELECT slug FROM repos').pluck().all() as string[]);
}

/** A repo's files rows, in the order they were written: the summary follows it too. */
const REPO_FILES = 'SELECT id, repo, path, stamp, racy FROM files WHERE repo = ? ORDER BY id';

export function readIndexState(db: IndexDb, repos = readRepoRows(db)): IndexState {
  const all = db.prepare(REPO_FILES);
  const one = db.prepare('SELECT id, repo, path, stamp, racy FROM files WHERE repo = ? AND path = ?');
  return {
    repos,
    recorded: (repo) => ({ all: () => all.all(repo) as FileRow[], one: (path) => one.get(repo, path) as FileRow | undefined }),
  };
}

/**
 * Rewrites a repo's summary from its files rows, in the transaction that changed them: the paths
 * NUL-separated, the stamps packed in the same order.
 */
export function writeRepoSummary(db: IndexDb, slug: string): void {
  const rows = db.prepare(REPO_FILES).all(slug) as FileRow[];
  db.prepare('UPDATE repos SET file_paths = ?, file_stamps = ? WHERE slug = ?').run(rows.map((r) => r.path).join('\0'), packStamps(rows), slug);
}

/** The content hash recorded for a file (null when it could not be read). */
export function storedHash(db: IndexDb, fileId: number): string | null {
  return (db.prepare('SELECT hash FROM files WHERE id = ?').pluck().get(fileId) as string | null | undefined) ?? null;
}
