// What the index remembers about repos and files: each sync reads the repo rows, and a repo's
// file rows only where its summary cannot vouch for them.
import type { IndexDb } from './db.js';

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
  /** Every recorded stamp, NUL-separated, in the order of file_paths; a racy row's is marked `?stamp`. */
  file_stamps: string;
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

export function readRepoRows(db: IndexDb): Map<string, RepoRow> {
  const repos = new Map<string, RepoRow>();
  for (const row of db.prepare('SELECT * FROM repos').all() as RepoRow[]) repos.set(row.slug, row);
  return repos;
}

export function readIndexState(db: IndexDb, repos = readRepoRows(db)): IndexState {
  const all = db.prepare('SELECT id, repo, path, stamp, racy FROM files WHERE repo = ? ORDER BY id');
  const one = db.prepare('SELECT id, repo, path, stamp, racy FROM files WHERE repo = ? AND path = ?');
  return {
    repos,
    recorded: (repo) => ({ all: () => all.all(repo) as FileRow[], one: (path) => one.get(repo, path) as FileRow | undefined }),
  };
}

/** How the summary marks a racy row's stamp: no stamp starts with it (src/index/stamps.ts). */
export const RACY_MARK = '?';

/**
 * Rewrites a repo's summary from its files rows, in the transaction that changed them. Both
 * aggregates of one query see the rows in one order, so the paths and stamps stay aligned.
 */
export function writeRepoSummary(db: IndexDb, slug: string): void {
  db.prepare(
    `UPDATE repos SET (file_paths, file_stamps) =
       (SELECT coalesce(group_concat(path, char(0)), ''), coalesce(group_concat(CASE WHEN racy THEN ? || stamp ELSE stamp END, char(0)), '')
        FROM (SELECT path, stamp, racy FROM files WHERE repo = ? ORDER BY id))
     WHERE slug = ?`,
  ).run(RACY_MARK, slug, slug);
}

/** The content hash recorded for a file (null when it could not be read). */
export function storedHash(db: IndexDb, fileId: number): string | null {
  return (db.prepare('SELECT hash FROM files WHERE id = ?').pluck().get(fileId) as string | null | undefined) ?? null;
}
