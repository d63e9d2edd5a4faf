// The no-op check: which files of a repo changed since the index was written, found with stats
// only. The repo's file list is re-read (a git process) only when its git index file or one of its
// included folders changed; otherwise only the known files are stat'ed. Takes no lock, writes nothing.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { RepoConfig } from '../workspace/types.js';
import { gitIndexFile, listIncludedFiles } from './repo-files.js';
import type { FileRow, RepoRow } from './state.js';
import { folderStamps, foldersUnchanged, lstatOrNull, statStamp } from './stamps.js';

export interface FileCandidate {
  path: string;
  /** Path to read (a link's target inside the repo), or null with `problem` when it cannot be read. */
  readPath: string | null;
  stats: Stats | null;
  stamp: string;
  problem: string | null;
  row: FileRow | undefined;
}

export interface RepoPlan {
  repo: RepoConfig;
  row: RepoRow | undefined;
  reachable: boolean;
  configHash: string;
  /** New stamps to record when the list was re-read (null: keep the recorded ones). */
  listing: { gitIndexStamp: string | null; dirStamps: Record<string, string> } | null;
  scanned: number;
  candidates: FileCandidate[];
  vanished: FileRow[];
}

export function repoConfigHash(repo: RepoConfig): string {
  return createHash('sha1').update(JSON.stringify([repo.checkout, repo.include])).digest('hex');
}

export function gitIndexStamp(checkout: string): string | null {
  const file = gitIndexFile(checkout);
  const stats = file ? lstatOrNull(file) : null;
  return stats ? statStamp(stats) : null;
}

export async function planRepo(repo: RepoConfig, row: RepoRow | undefined, rows: FileRow[], full: boolean): Promise<RepoPlan> {
  const configHash = repoConfigHash(repo);
  const plan: RepoPlan = { repo, row, reachable: true, configHash, listing: null, scanned: 0, candidates: [], vanished: [] };
  const rootStats = lstatOrNull(repo.checkout);
  if (!rootStats?.isDirectory()) {
    plan.reachable = false;
    plan.vanished = rows;
    return plan;
  }
  const gitStamp = gitIndexStamp(repo.checkout);
  const relist =
    full ||
    !row ||
    row.config_hash !== configHash ||
    row.git_index_stamp !== gitStamp ||
    !foldersUnchanged(repo.checkout, JSON.parse(row.dir_stamps) as Record<string, string>);
  const byPath = new Map(rows.map((r) => [r.path, r]));
  let paths: string[];
  if (relist) {
    // Folder stamps are taken before listing, so a file added during the listing changes them.
    const dirStamps = folderStamps(repo.checkout, repo.include);
    paths = await listIncludedFiles(repo.checkout, repo.include);
    plan.listing = { gitIndexStamp: gitStamp, dirStamps };
  } else {
    paths = rows.map((r) => r.path);
  }
  const seen = new Set<string>();
  const realRoot = realpathOrSelf(repo.checkout);
  for (const path of paths) {
    const found = inspect(repo.checkout, realRoot, path, byPath.get(path));
    if (!found) continue;
    seen.add(path);
    plan.scanned++;
    if (full || !found.row || found.row.stamp !== found.stamp || found.row.racy) plan.candidates.push(found);
  }
  for (const r of rows) if (!seen.has(r.path)) plan.vanished.push(r);
  return plan;
}

function inspect(checkout: string, realRoot: string, path: string, row: FileRow | undefined): FileCandidate | null {
  const abs = join(checkout, path);
  const stats = lstatOrNull(abs);
  if (!stats) return null; // listed by git (tracked) but deleted from disk: it vanished
  if (stats.isSymbolicLink()) {
    const target = realpathOrNull(abs);
    if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
      return { path, readPath: null, stats, stamp: statStamp(stats), problem: 'symbolic link leading out of the repository', row };
    }
    const targetStats = statOrNull(target);
    if (!targetStats?.isFile()) return { path, readPath: null, stats, stamp: statStamp(stats), problem: 'symbolic link to something that is not a file', row };
    return { path, readPath: target, stats: targetStats, stamp: `${statStamp(stats)}>${statStamp(targetStats)}`, problem: null, row };
  }
  if (!stats.isFile()) return null;
  return { path, readPath: abs, stats, stamp: statStamp(stats), problem: null, row };
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realpathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function realpathOrSelf(path: string): string {
  return realpathOrNull(path) ?? path;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Reads a candidate's bytes; null when it vanished between the stat and the read. */
export function readCandidate(candidate: FileCandidate): Buffer | null {
  if (!candidate.readPath) return null;
  try {
    return readFileSync(candidate.readPath);
  } catch {
    return null;
  }
}
