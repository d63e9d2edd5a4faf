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
  hash: string | null;
  racy: number;
}

export interface IndexState {
  repos: Map<string, RepoRow>;
  files: Map<string, FileRow[]>;
}

export function readIndexState(db: IndexDb): IndexState {
  const repos = new Map<string, RepoRow>();
  for (const row of db.prepare('SELECT * FROM repos').all() as RepoRow[]) repos.set(row.slug, row);
  const files = new Map<string, FileRow[]>();
  for (const row of db.prepare('SELECT id, repo, path, stamp, hash, racy FROM files').all() as FileRow[]) {
    const list = files.get(row.repo);
    if (list) list.push(row);
    else files.set(row.repo, [row]);
  }
  return { repos, files };
}
