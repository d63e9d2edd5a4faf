// What a repo file holds now, as a sync compares it with what it recorded: its bytes and their
// content hash. The cheap half of preparing a file (prepare-file.ts), which the check for
// anything to write (sync.ts) runs alone, without loading the parser.
import type { Stats } from 'node:fs';
import { contentHash } from '../documents/text.js';
import { readRepoFile } from '../workspace/repo-file.js';

export type HashedRead = { ok: true; bytes: Buffer; stats: Stats; linked: boolean; hash: string } | { ok: false; problem: string };

/** Null when the file is gone (see readRepoFile). */
export function readHashed(checkout: string, path: string): HashedRead | null {
  const read = readRepoFile(checkout, path);
  return read === null || !read.ok ? read : { ...read, hash: contentHash(read.bytes) };
}
