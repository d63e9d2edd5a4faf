// Stat stamps: what change detection compares. A file is re-read when its size, mtime, ctime or
// inode differ (ctime catches an edit whose mtime was put back), or when its mtime was too recent
// to trust when it was last read (the racy window, as git's own index handles it).
import { lstatSync, readdirSync, type BigIntStats, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { includeBases } from '../workspace/include.js';

/** Coarse file systems keep mtimes to 1–2 s: a file changed this close to its read is racy. */
export const RACY_WINDOW_NS = 3_000_000_000n;

export function statStamp(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}

export function lstatBig(path: string): BigIntStats | null {
  try {
    return lstatSync(path, { bigint: true });
  } catch {
    return null;
  }
}

export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export function isRacy(stats: BigIntStats, readAtNs: bigint): boolean {
  return stats.mtimeNs + RACY_WINDOW_NS > readAtNs || stats.ctimeNs + RACY_WINDOW_NS > readAtNs;
}

/**
 * The mtime of every folder a new matching file could appear in: each include base and all the
 * folders below it (an empty sub-folder today may hold a workplan tomorrow), or the nearest
 * existing ancestor of a base that does not exist yet. Symbolic links are never followed.
 */
export function folderStamps(checkout: string, include: readonly string[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const base of includeBases(include)) {
    let rel = base;
    for (;;) {
      const stats = lstatBig(join(checkout, rel));
      if (stats?.isDirectory()) {
        walkFolders(checkout, rel, stats, stamps, base === '' || rel !== base);
        break;
      }
      if (rel === '') break;
      rel = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    }
  }
  return stamps;
}

function walkFolders(checkout: string, rel: string, stats: BigIntStats, stamps: Record<string, string>, shallow: boolean): void {
  if (Object.hasOwn(stamps, rel)) return;
  stamps[rel] = String(stats.mtimeNs);
  // An ancestor standing in for a missing base, or the repo root itself, is watched but not walked:
  // walking the whole repository would cost what the no-op check is meant to save.
  if (shallow) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(join(checkout, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    // Dirent types come from lstat semantics: a symlink to a folder is not a folder here.
    if (!entry.isDirectory() || entry.name === '.git' || entry.name === 'node_modules') continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const childStats = lstatBig(join(checkout, child));
    if (childStats?.isDirectory()) walkFolders(checkout, child, childStats, stamps, false);
  }
}

/** True when every recorded folder still has its recorded mtime. */
export function foldersUnchanged(checkout: string, recorded: Record<string, string>): boolean {
  for (const [rel, mtime] of Object.entries(recorded)) {
    const stats = lstatBig(join(checkout, rel));
    if (!stats || String(stats.mtimeNs) !== mtime) return false;
  }
  return true;
}
