// What a repo file holds now, as a sync compares it with what it recorded: its content and its
// hash. The cheap half of preparing a file (prepare-file.ts), which the check for anything to
// write (sync.ts) runs alone, without loading the parser.
import { join } from 'node:path';
import { contentHash, MAX_FILE_BYTES } from '../documents/text.js';
import { nativeAddon } from '../native/addon.js';
import { readRepoFile } from '../workspace/repo-file.js';
import type { StampedStats } from './stamps.js';

/**
 * `content`: the file's bytes, or its text without a byte order mark (what parseFile takes either
 * way) when the addon read it.
 */
export type HashedRead = { ok: true; content: Uint8Array | string; stats: StampedStats; linked: boolean; hash: string } | { ok: false; problem: string };

/** A regular file read whole by the addon (native/read_file.c), its bytes valid UTF-8 text. */
export interface NativeRead extends StampedStats {
  /** Without a leading byte order mark, as decodeBytes gives it. */
  text: string;
  sha256: string;
}

export interface NativeFileRead {
  /**
   * Null for anything but a regular file of at most maxBytes, read whole, that is text (UTF-8, no
   * NUL): readRepoFile and decodeBytes then say what it is. Absent where the addon has no sha256.
   */
  readRegularFile?(path: string, noFollow: boolean, maxBytes: number): NativeRead | null;
}

/**
 * The plain case in one call to the addon (native/read_file.c): a regular file, not a link, within
 * the size cap, whose bytes are text; its text, content hash and stat numbers, as readRepoFile,
 * decodeBytes and contentHash would give them, at 10,000 files in a fraction of the time. Null for
 * anything else, and where the addon is not built: read it with readRepoFile, which says why.
 */
export function readPlainText(checkout: string, path: string): NativeRead | null {
  return nativeAddon()?.readRegularFile?.(join(checkout, path), true, MAX_FILE_BYTES) ?? null;
}

/** Null when the file is gone (see readRepoFile). */
export function readHashed(checkout: string, path: string): HashedRead | null {
  const native = readPlainText(checkout, path);
  if (native) return { ok: true, content: native.text, stats: native, linked: false, hash: native.sha256 };
  const read = readRepoFile(checkout, path);
  return read === null || !read.ok ? read : { ok: true, content: read.bytes, stats: read.stats, linked: read.linked, hash: contentHash(read.bytes) };
}
