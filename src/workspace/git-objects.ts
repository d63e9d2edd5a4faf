// Reading git objects: many with one process (`git cat-file --batch` answers one header line and
// the object's bytes for each name written to its stdin, in order), or one loose object straight
// from the object store, with no process at all.
import { sha1Hex, sha256Hex } from '../hashing.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { SHA } from './git-dirs.js';
import { runGitBuffer } from './git.js';

export type BatchObject =
  | { found: true; type: string; size: number; /** null when larger than `maxBytes`. */ bytes: Buffer | null }
  | { found: false; /** git's answer, e.g. `:path missing`. */ header: string };

/**
 * The objects `names` name (a sha, `<rev>:<path>`, `:<path>` for the git index), in order. Names
 * must not hold a line break (the batch protocol reads one per line).
 */
export async function readObjects(cwd: string, names: readonly string[], options: { maxBytes: number; env?: Record<string, string> }): Promise<BatchObject[]> {
  if (names.length === 0) return [];
  const { stdout } = await runGitBuffer(cwd, ['cat-file', '--batch'], { input: names.map((n) => `${n}\n`).join(''), env: options.env });
  const objects: BatchObject[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = stdout.indexOf(10, at);
    const header = stdout.subarray(at, eol < 0 ? stdout.length : eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      objects.push({ found: false, header });
      continue;
    }
    const size = Number(m[2]);
    objects.push({ found: true, type: m[1], size, bytes: size > options.maxBytes ? null : Buffer.from(stdout.subarray(at, at + size)) });
    at += size + 1; // the bytes, then a newline
  }
  return objects;
}

/**
 * An object read from the repository's own loose object store (`objects/ab/cdef…`: zlib-deflated
 * `<type> <size>\0<bytes>`), where `git add` leaves the blob it stages, without starting git (a
 * process costs the CLI 8-14 ms). Null when it is not there loose (packed, in an alternate store),
 * not readable, or does not hash to its id: ask cat-file then. `id` is a full SHA-1 or SHA-256 id.
 */
export function readLooseObject(commonDir: string, id: string, options: { maxBytes: number }): BatchObject | null {
  if (!SHA.test(id)) return null;
  let raw: Buffer;
  try {
    // The cap bounds the inflated header and bytes; a larger object is left to cat-file, which says its size.
    raw = inflateSync(readFileSync(join(commonDir, 'objects', id.slice(0, 2), id.slice(2))), { maxOutputLength: options.maxBytes + 64 });
  } catch {
    return null;
  }
  if ((id.length === 64 ? sha256Hex(raw) : sha1Hex(raw)) !== id) return null;
  const nul = raw.indexOf(0);
  const m = /^(\w+) (\d+)$/.exec(raw.subarray(0, nul < 0 ? 0 : nul).toString('latin1'));
  if (!m || raw.length - nul - 1 !== Number(m[2])) return null;
  return { found: true, type: m[1], size: Number(m[2]), bytes: raw.subarray(nul + 1) };
}
