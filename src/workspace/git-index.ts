// The paths a git index file holds, read from its bytes (git's "index-format" documentation:
// versions 2, 3 and 4). Asking git costs a process, 8-14 ms of this machine's time each; a first
// sync of 50 repos asks 50 times. The reader answers only for an index it can read whole, as git
// wrote it, and null for anything else (a split index, sparse directory entries, an extension git
// requires and this reader does not know, a wrong checksum, bytes that do not parse): the caller
// then asks git, whose answer (or error) stands.
import { sha1Hex, sha256Hex } from '../hashing.js';

/** The object name length in an index: SHA-1 or SHA-256 repositories. */
export type HashLength = 20 | 32;

// Each entry: ctime, mtime (seconds and nanoseconds each), dev, ino, mode, uid, gid, size: ten
// 32-bit fields; then the object name; then 16 bits of flags.
const STAT_BYTES = 40;
const MODE_OFFSET = 24;
const FLAG_EXTENDED = 0x4000;
const NAME_LENGTH_MASK = 0xfff;
/** An entry for a whole folder left out of a sparse checkout (a sparse index): its files are not listed. */
const MODE_TYPE_DIRECTORY = 0o040000;

/**
 * Every entry's path, as bytes, in the index's order (a path in conflict appears once per stage);
 * null where this reader cannot vouch for the file.
 */
export function indexedPaths(index: Uint8Array, hashLength: HashLength): Uint8Array[] | null {
  const view = new DataView(index.buffer, index.byteOffset, index.byteLength);
  const end = index.length - hashLength;
  if (end < 12 || view.getUint32(0) !== 0x44495243 /* DIRC */) return null;
  const version = view.getUint32(4);
  if (version < 2 || version > 4) return null;
  if (!checksumHolds(index, end, hashLength)) return null;
  const count = view.getUint32(8);
  const paths: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = 12;
  for (let i = 0; i < count; i++) {
    const flagsAt = at + STAT_BYTES + hashLength;
    if (flagsAt + 2 > end) return null;
    if ((view.getUint32(at + MODE_OFFSET) & 0o170000) === MODE_TYPE_DIRECTORY) return null;
    const flags = view.getUint16(flagsAt);
    const extended = (flags & FLAG_EXTENDED) !== 0;
    if (extended && version === 2) return null;
    const nameAt = flagsAt + 2 + (extended ? 2 : 0);
    if (version === 4) {
      // The name is the previous one less its last N bytes (N a varint), then the bytes up to a NUL.
      const strip = readVarint(index, nameAt, end);
      if (strip === null || strip.value > previous.length) return null;
      const nul = index.indexOf(0, strip.next);
      if (nul < 0 || nul >= end) return null;
      const kept = previous.length - strip.value;
      const path = new Uint8Array(kept + nul - strip.next);
      path.set(previous.subarray(0, kept));
      path.set(index.subarray(strip.next, nul), kept);
      paths.push(path);
      previous = path;
      at = nul + 1;
    } else {
      const nul = index.indexOf(0, nameAt);
      if (nul < 0 || nul >= end) return null;
      const length = nul - nameAt;
      // The flags carry the length, or 0xFFF for "this long or longer".
      if (Math.min(length, NAME_LENGTH_MASK) !== (flags & NAME_LENGTH_MASK)) return null;
      paths.push(index.subarray(nameAt, nul));
      // NUL padding to a multiple of eight bytes from the entry's start, at least one.
      at += (nul - at + 8) & ~7;
      if (at > end) return null;
    }
  }
  return extensionsReadable(view, at, end) ? paths : null;
}

/**
 * Each extension is a 4-byte signature and a 32-bit size. One whose signature starts with an
 * upper-case letter may be ignored (a cache: trees, untracked files, fsmonitor); any other changes
 * what the entries mean (`link`: the entries are split with a shared index; `sdir`: sparse folders).
 */
function extensionsReadable(view: DataView, at: number, end: number): boolean {
  while (at < end) {
    if (at + 8 > end) return false;
    const first = view.getUint8(at);
    if (first < 0x41 || first > 0x5a) return false;
    at += 8 + view.getUint32(at + 4);
  }
  return at === end;
}

/** The trailer is the hash of everything before it; all zeros where git was told to skip it (index.skipHash). */
function checksumHolds(index: Uint8Array, end: number, hashLength: HashLength): boolean {
  const trailer = index.subarray(end);
  if (trailer.every((byte) => byte === 0)) return true;
  const content = index.subarray(0, end);
  const expected = hashLength === 20 ? sha1Hex(content) : sha256Hex(content);
  return Buffer.from(trailer.buffer, trailer.byteOffset, trailer.length).toString('hex') === expected;
}

/** git's offset varint (varint.c): seven bits a byte, high bit "more", each continuation adding one. */
function readVarint(bytes: Uint8Array, at: number, end: number): { value: number; next: number } | null {
  if (at >= end) return null;
  let byte = bytes[at++];
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (at >= end || value >= 2 ** 40) return null;
    byte = bytes[at++];
    value = (value + 1) * 128 + (byte & 0x7f);
  }
  return { value, next: at };
}
