// The no-op check: which files of a repo changed since the index was written, found with stats
// only. The repo's file list is re-read (a git process) only when its git index file or one of its
// included folders changed; otherwise only the known files are stat'ed. Takes no lock, writes nothing.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { linkTarget, readRepoFile, type RepoFileRead } from '../workspace/repo-file.js';
import type { RepoConfig } from '../workspace/types.js';
import { gitIndexFile, listIncludedFiles } from './repo-files.js';
import type { FileRow, RepoRow } from './state.js';
import { folderStamps, foldersUnchanged, lstatOrNull, statStamp } from './stamps.js';

export interface FileCandidate {
  path: string;
  /** The file's stats (a link's target's, for a link inside the repo; the link's own otherwise). */
  stats: Stats | null;
  stamp: string;
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
  if (!relist) {
    // The no-op check: stat the known files, nothing else. This loop is the hot path.
    for (const r of rows) {
      const found = inspect(repo.checkout, r.path, r);
      if (!found) plan.vanished.push(r);
      else {
        plan.scanned++;
        if (found !== UNCHANGED) plan.candidates.push(found);
      }
    }
    return plan;
  }
  // Folder stamps are taken before listing, so a file added during the listing changes them.
  const { includeBases } = await import('../workspace/include.js');
  const dirStamps = folderStamps(repo.checkout, includeBases(repo.include));
  const paths = await listIncludedFiles(repo.checkout, repo.include);
  plan.listing = { gitIndexStamp: gitStamp, dirStamps };
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const seen = new Set<string>();
  for (const path of paths) {
    const r = byPath.get(path);
    const found = inspect(repo.checkout, path, full ? undefined : r);
    if (!found) continue;
    seen.add(path);
    plan.scanned++;
    if (found !== UNCHANGED) plan.candidates.push({ ...found, row: r });
  }
  for (const r of rows) if (!seen.has(r.path)) plan.vanished.push(r);
  return plan;
}

/** What inspect returns for a file whose stamp equals its (non-racy) row. */
const UNCHANGED = Object.freeze({}) as FileCandidate;

/**
 * Stats one file: null when it is gone (git may still list a tracked file deleted from disk),
 * UNCHANGED when its stamp equals `row`'s and the row is not racy, else a candidate to read.
 */
function inspect(checkout: string, path: string, row: FileRow | undefined): FileCandidate | null {
  const abs = `${checkout}/${path}`;
  const stats = lstatOrNull(abs);
  if (!stats) return null;
  let found: FileCandidate;
  if (stats.isFile()) found = { path, stats, stamp: statStamp(stats), row };
  else if (stats.isSymbolicLink()) {
    // A link's stamp covers its target too: retargeting it, or editing the target, is a change.
    const target = linkTarget(checkout, abs);
    found = 'problem' in target ? { path, stats, stamp: statStamp(stats), row } : { path, stats: target.stats, stamp: `${statStamp(stats)}>${statStamp(target.stats)}`, row };
  } else return null;
  return row && row.stamp === found.stamp && !row.racy ? UNCHANGED : found;
}

/** Reads a candidate through the one safe routine; null when it vanished between the stat and the read. */
export function readCandidate(checkout: string, candidate: FileCandidate): RepoFileRead | null {
  return readRepoFile(checkout, candidate.path);
}
