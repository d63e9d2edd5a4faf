// Reading many git objects with one process: `git cat-file --batch` answers one header line and
// the object's bytes for each name written to its stdin, in order.
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
