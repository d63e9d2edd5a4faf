// The no-op check: which files of a repo changed since the index was written, found with stats
// only. The repo's file list is re-read (a git process) only when its git index file or one of its
// included folders changed; otherwise only the known files are stat'ed. Takes no lock, writes nothing.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
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
  if (stats.isFile()) {
    const stamp = statStamp(stats);
    if (row && row.stamp === stamp && !row.racy) return UNCHANGED;
    return { path, readPath: abs, stats, stamp, problem: null, row };
  }
  if (!stats.isSymbolicLink()) return null;
  const found = inspectLink(checkout, path, abs, stats);
  return row && row.stamp === found.stamp && !row.racy ? UNCHANGED : { ...found, row };
}

/** A link is read only when it leads to a file inside the repository. */
function inspectLink(checkout: string, path: string, abs: string, stats: Stats): Omit<FileCandidate, 'row'> {
  const realRoot = realpathOrSelf(checkout);
  const target = realpathOrNull(abs);
  if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
    return { path, readPath: null, stats, stamp: statStamp(stats), problem: 'symbolic link leading out of the repository' };
  }
  const targetStats = statOrNull(target);
  if (!targetStats?.isFile()) return { path, readPath: null, stats, stamp: statStamp(stats), problem: 'symbolic link to something that is not a file' };
  return { path, readPath: target, stats: targetStats, stamp: `${statStamp(stats)}>${statStamp(targetStats)}`, problem: null };
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
