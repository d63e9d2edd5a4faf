// Where the bytes of the files in scope come from: the working tree (the default) or the git
// index (`--staged`, for pre-commit). The only file-system and git access of a check.
import { resolve } from 'node:path';
import { overSizeCap, MAX_FILE_BYTES } from '../documents/text.js';
import { readRepoFile } from '../workspace/repo-file.js';
import { runGit } from '../workspace/git.js';
import { readObjects } from '../workspace/git-objects.js';

export type ReadOutcome = { bytes: Buffer; problem?: undefined } | { bytes: null; problem: string };

/** A working-tree file, read by the routine sync uses (the same refusals, in the same words). */
export function readWorkingFile(checkout: string, path: string): ReadOutcome | null {
  const read = readRepoFile(checkout, path);
  if (read === null) return null;
  return read.ok ? { bytes: read.bytes } : { bytes: null, problem: read.problem };
}

export interface StagedChanges {
  /** Work-tree-relative paths staged as added or modified files. */
  staged: string[];
  /** Staged symbolic links: their blobs are link targets, never read as documents. */
  links: string[];
  /** Work-tree-relative paths staged for deletion. */
  deleted: string[];
}

/**
 * The index a commit records: a hook of `git commit -a` or `git commit <paths>` is handed a
 * temporary one in GIT_INDEX_FILE (which runGit otherwise removes, as it points git elsewhere).
 */
function indexEnv(cwd: string): Record<string, string> {
  const file = process.env.GIT_INDEX_FILE;
  return file ? { GIT_INDEX_FILE: resolve(cwd, file) } : {};
}

/** What `git commit` would record in the work tree at `workTree`, against HEAD (or nothing). */
export async function stagedChanges(workTree: string, cwd = process.cwd()): Promise<StagedChanges> {
  const { stdout } = await runGit(workTree, ['diff', '--cached', '--raw', '--no-renames', '-z'], { env: indexEnv(cwd) });
  const fields = stdout.split('\0');
  const changes: StagedChanges = { staged: [], links: [], deleted: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path.
    const [, newMode, , , status] = fields[i].split(' ');
    const path = fields[i + 1];
    if (status === 'D') changes.deleted.push(path);
    else if (newMode === '120000') changes.links.push(path);
    else if (newMode === '100644' || newMode === '100755') changes.staged.push(path);
  }
  return changes;
}

/** Staged blobs of work-tree-relative paths, read in one `git cat-file --batch`. */
export async function readStagedBlobs(workTree: string, paths: readonly string[], cwd = process.cwd()): Promise<Map<string, ReadOutcome>> {
  const blobs = new Map<string, ReadOutcome>();
  const askable = paths.filter((p) => !/[\n\r]/.test(p));
  for (const path of paths) if (!askable.includes(path)) blobs.set(path, { bytes: null, problem: 'path holds a line break; cannot read its staged blob' });
  if (askable.length === 0) return blobs;
  const objects = await readObjects(workTree, askable.map((p) => `:${p}`), { maxBytes: MAX_FILE_BYTES, env: indexEnv(cwd) });
  askable.forEach((path, i) => {
    const object = objects[i];
    if (!object.found) blobs.set(path, { bytes: null, problem: `no staged blob (${object.header})` });
    else if (object.type !== 'blob') blobs.set(path, { bytes: null, problem: `staged entry is a ${object.type}, not a file` });
    else if (object.bytes === null) blobs.set(path, { bytes: null, problem: overSizeCap(object.size) });
    else blobs.set(path, { bytes: object.bytes });
  });
  return blobs;
}
