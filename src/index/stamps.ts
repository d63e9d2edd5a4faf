// Stat stamps: what change detection compares. A file is re-read when its size, mtime, ctime or
// inode differ (ctime catches an edit whose mtime was put back), or when its mtime was too recent
// to trust when it was last read (the racy window, as git's own index handles it).
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { escapedNamePath } from '../workspace/file-names.js';
import { linkTarget, statOrNull } from '../workspace/repo-file.js';
import { nativeAddon } from '../native/addon.js';
import { ENTRY_KIND, ENTRY_SLOTS, type NativeStamps, type StampSummary } from './native-stamps.js';

/** Coarse file systems keep mtimes to 1–2 s: a file changed this close to its read is racy. */
export const RACY_WINDOW_MS = 3_000;

/** The stat numbers a stamp and the racy test read: a Stats object has them, and so has the addon's read (file-content.ts). */
export type StampedStats = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/**
 * Millisecond times as doubles keep sub-microsecond precision for today's dates, and number stats
 * cost less than bigint ones on the no-op path that stats every file.
 */
export function statStamp(stats: StampedStats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

/**
 * A repo summary's stamps, packed by packStamps (src/index/state.ts writes them) and read by
 * checkSummary (the no-op check, src/index/plan.ts): per file the four numbers of statStamp as
 * doubles, so the check compares numbers instead of building a string per file. The size slot of
 * a racy file holds RACY_SLOT, and of a file whose stamp is not four numbers (a link's) OTHER_SLOT.
 */
const SUMMARY_SLOTS = 4;
const RACY_SLOT = -1;
const OTHER_SLOT = -2;

export function packStamps(rows: readonly { stamp: string; racy: number }[]): Buffer {
  const numbers = new Float64Array(rows.length * SUMMARY_SLOTS);
  rows.forEach((row, i) => {
    const parts = row.stamp.split(':').map(Number);
    if (parts.length !== SUMMARY_SLOTS || parts.some((n) => !Number.isFinite(n))) numbers[i * SUMMARY_SLOTS] = OTHER_SLOT;
    else numbers.set(parts, i * SUMMARY_SLOTS);
    if (row.racy) numbers[i * SUMMARY_SLOTS] = RACY_SLOT;
  });
  return Buffer.from(numbers.buffer);
}

/** The packed stamps as numbers again (copied: a blob's bytes need not be aligned for a Float64Array). */
function unpackStamps(packed: Uint8Array): Float64Array | null {
  if (packed.byteLength % (8 * SUMMARY_SLOTS) !== 0) return null;
  return new Float64Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength));
}

/** True when the stats are those packed at `at` (statStamp(stats) equals the stamp packed there). */
function sameStamp(stats: Stats, numbers: Float64Array, at: number): boolean {
  return stats.size === numbers[at] && stats.mtimeMs === numbers[at + 1] && stats.ctimeMs === numbers[at + 2] && stats.ino === numbers[at + 3];
}

/**
 * Compares a repo's files with its summary: how many are still regular files with their
 * recorded stamps, and the racy ones, to be looked at one by one; null at the first file that is
 * neither (gone, a link, an escaped name, changed). Compares numbers: no string per file.
 * `vouched`: a watcher saw no change since the summary was written (watch-vouch.ts), so the
 * recorded stamps of regular files are taken as they are, without a stat. `native`: the same
 * comparison in C where it was built (native-stamps.ts); null for this loop.
 */
export function checkSummary(checkout: string, paths: string, stamps: Uint8Array, vouched = false, native: NativeStamps | null = nativeAddon()): StampSummary | null {
  const numbers = unpackStamps(stamps);
  if (numbers === null) return null;
  if (native) return native.compareStamps(checkout, paths, numbers, vouched);
  const summary: StampSummary = { unchanged: 0, racy: [] };
  if (paths === '') return numbers.length === 0 ? summary : null;
  const list = paths.split('\0');
  if (numbers.length !== list.length * SUMMARY_SLOTS) return null;
  for (let i = 0; i < list.length; i++) {
    const at = i * SUMMARY_SLOTS;
    if (numbers[at] === RACY_SLOT) {
      summary.racy.push(list[i]);
      continue;
    }
    if (vouched && numbers[at] !== OTHER_SLOT) {
      summary.unchanged++;
      continue;
    }
    const stats = lstatOrNull(`${checkout}/${list[i]}`);
    if (!stats?.isFile() || !sameStamp(stats, numbers, at)) return null;
    summary.unchanged++;
  }
  return summary;
}

/**
 * A repo file's stats and stamp, as the no-op check and the sync record them: a regular file's
 * own; a link's covers its target too (retargeting it, or editing the target, is a change); a name
 * git listed that is not UTF-8 (escaped by listFiles) is stamped by its bytes, to be reported as
 * file/unreadable rather than dropped. Null when there is no such file (gone, a folder, a FIFO).
 */
export function fileStamp(checkout: string, path: string): { stats: Stats; stamp: string } | null {
  const abs = `${checkout}/${path}`;
  const stats = lstatOrNull(abs);
  if (!stats) {
    const bytesPath = escapedNamePath(checkout, path);
    const named = bytesPath ? lstatBytes(bytesPath) : null;
    return named ? { stats: named, stamp: statStamp(named) } : null;
  }
  if (stats.isFile()) return { stats, stamp: statStamp(stats) };
  if (!stats.isSymbolicLink()) return null;
  const target = linkTarget(checkout, abs);
  return 'problem' in target ? { stats, stamp: statStamp(stats) } : { stats: target.stats, stamp: `${statStamp(stats)}>${statStamp(target.stats)}` };
}

function lstatBytes(path: Buffer): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Null when there is no such entry: nothing by that name (ENOENT), or a folder on the way replaced
 * by a file (ENOTDIR), which Node's throwIfNoEntry does not cover.
 */
export function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** What the repo-level checks compare of a path: its statStamp, its mtime, whether it is a folder. */
export interface EntryStamp {
  stamp: string;
  mtimeMs: number;
  folder: boolean;
}

/**
 * The EntryStamp of each path, by lstat (stat with `follow`), null where there is no such entry
 * (lstatOrNull's, statOrNull's nulls): in one native call where the addon was built, without a
 * Stats object and its four Dates per path (the no-op check makes ~9 such stats a repo).
 */
export function entryStamps(paths: readonly string[], follow = false, native: NativeStamps | null = nativeAddon()): (EntryStamp | null)[] {
  const numbers = native?.statEach && paths.length > 0 ? native.statEach(paths.join('\0'), follow) : null;
  return paths.map((path, i) => {
    const at = i * ENTRY_SLOTS;
    const kind = numbers?.[at] ?? ENTRY_KIND.error;
    if (kind === ENTRY_KIND.none) return null;
    if (kind === ENTRY_KIND.error || numbers === null) {
      // Node's answer (and error) for what the addon could not say, or where there is no addon.
      const stats = follow ? statOrNull(path) : lstatOrNull(path);
      return stats ? { stamp: statStamp(stats), mtimeMs: stats.mtimeMs, folder: stats.isDirectory() } : null;
    }
    const mtimeMs = numbers[at + 2];
    // statStamp's string: the same doubles Node would hold, formatted by the same Number → string.
    return { stamp: `${numbers[at + 1]}:${mtimeMs}:${numbers[at + 3]}:${numbers[at + 4]}`, mtimeMs, folder: kind === ENTRY_KIND.folder };
  });
}

export function isRacy(stats: StampedStats, readAtMs: number): boolean {
  return stats.mtimeMs + RACY_WINDOW_MS > readAtMs || stats.ctimeMs + RACY_WINDOW_MS > readAtMs;
}

/**
 * The mtime of every folder a new matching file could appear in: each include base (the folders
 * the include globs start from) and all the
 * folders below it (an empty sub-folder today may hold a workplan tomorrow), or the nearest
 * existing ancestor of a base that does not exist yet. Symbolic links are never followed.
 */
export function folderStamps(checkout: string, bases: readonly string[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const base of bases) {
    let rel = base;
    for (;;) {
      const stats = lstatOrNull(join(checkout, rel));
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

function walkFolders(checkout: string, rel: string, stats: Stats, stamps: Record<string, string>, shallow: boolean): void {
  if (Object.hasOwn(stamps, rel)) return;
  stamps[rel] = String(stats.mtimeMs);
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
    const childStats = lstatOrNull(join(checkout, child));
    if (childStats?.isDirectory()) walkFolders(checkout, child, childStats, stamps, false);
  }
}

/** True when every recorded folder still has its recorded mtime. */
export function foldersUnchanged(checkout: string, recorded: Record<string, string>): boolean {
  const folders = Object.entries(recorded);
  const found = entryStamps(folders.map(([rel]) => join(checkout, rel)));
  return folders.every(([, mtime], i) => found[i] !== null && String(found[i]!.mtimeMs) === mtime);
}
