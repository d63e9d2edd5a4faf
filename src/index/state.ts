// What the index remembers about repos and files, read once per sync.
import type { IndexDb } from './db.js';

export interface RepoRow {
  slug: string;
  checkout: string;
  config_hash: string;
  git_index_stamp: string | null;
  dir_stamps: string;
  generation: number;
  synced_at: string | null;
}

export interface FileRow {
  id: number;
  repo: string;
  path: string;
  stamp: string;
  racy: number;
}

export interface IndexState {
  repos: Map<string, RepoRow>;
  files: Map<string, FileRow[]>;
}

export function readRepoRows(db: IndexDb): Map<string, RepoRow> {
  const repos = new Map<string, RepoRow>();
  for (const row of db.prepare('SELECT * FROM repos').all() as RepoRow[]) repos.set(row.slug, row);
  return repos;
}

/** `only`: the files of these repos alone (a scoped sync need not read ten thousand stamps to check two hundred). */
export function readIndexState(db: IndexDb, repos = readRepoRows(db), only: ReadonlySet<string> | null = null): IndexState {
  const files = new Map<string, FileRow[]>();
  // One JSON array per repo: every command reads every file's stamp, and a few dozen strings
  // parse far faster than ten thousand row objects are built.
  const rows = (
    only === null
      ? db.prepare('SELECT repo, json_group_array(json_array(id, path, stamp, racy)) FROM files GROUP BY repo').raw().all()
      : db
          .prepare('SELECT repo, json_group_array(json_array(id, path, stamp, racy)) FROM files WHERE repo IN (SELECT value FROM json_each(?)) GROUP BY repo')
          .raw()
          .all(JSON.stringify([...only]))
  ) as [string, string][];
  for (const [repo, json] of rows) {
    const list: FileRow[] = [];
    for (const [id, path, stamp, racy] of JSON.parse(json) as [number, string, string, number][]) list.push({ id, repo, path, stamp, racy });
    files.set(repo, list);
  }
  return { repos, files };
}

/** The content hash recorded for a file (null when it could not be read). */
export function storedHash(db: IndexDb, fileId: number): string | null {
  return (db.prepare('SELECT hash FROM files WHERE id = ?').pluck().get(fileId) as string | null | undefined) ?? null;
}
