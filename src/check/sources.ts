// Where the bytes of the files in scope come from: the working tree (the default) or the git
// index (`--staged`, for pre-commit). The only file-system and git access of a check.
import { resolve } from 'node:path';
import { overSizeCap, MAX_FILE_BYTES } from '../documents/text.js';
import { readPlainText } from '../index/file-content.js';
import { readRepoFile } from '../workspace/repo-file.js';
import { batchedGit } from '../workspace/git-batch.js';
import { indexFileEnv } from '../workspace/git.js';
import { readLooseObject, readObjects, type BatchObject } from '../workspace/git-objects.js';

/** A file's bytes; or, read by the addon, its text (without a byte order mark) and content hash; or why it cannot be read. */
export type ReadOutcome =
  | { bytes: Buffer; text?: undefined; hash?: undefined; problem?: undefined }
  | { bytes?: undefined; text: string; hash: string; problem?: undefined }
  | { bytes: null; text?: undefined; hash?: undefined; problem: string };

/** A working-tree file, read by the routines sync uses (the same refusals, in the same words). */
export function readWorkingFile(checkout: string, path: string): ReadOutcome | null {
  // A whole-workspace check reads every file: its text and hash in one call where the addon can,
  // and no copy of the bytes kept for a hash most files are never asked for.
  const plain = readPlainText(checkout, path);
  if (plain) return { text: plain.text, hash: plain.sha256 };
  const read = readRepoFile(checkout, path);
  if (read === null) return null;
  return read.ok ? { bytes: read.bytes } : { bytes: null, problem: read.problem };
}

export interface StagedChanges {
  /** Work-tree-relative paths staged as added or modified files. */
  staged: string[];
  /** The object id of each staged file's blob. */
  ids: Map<string, string>;
  /** Staged symbolic links: their blobs are link targets, never read as documents. */
  links: string[];
  /** Work-tree-relative paths staged for deletion. */
  deleted: string[];
}

/**
 * The index a commit records: a hook of `git commit -a` or `git commit <paths>` is handed a
 * temporary one in GIT_INDEX_FILE (which runGit otherwise removes, as it points git elsewhere).
 */
function indexFile(cwd: string): string | undefined {
  const file = process.env.GIT_INDEX_FILE;
  return file ? resolve(cwd, file) : undefined;
}

/** What `git commit` would record in the work tree at `workTree`, against HEAD (or nothing). */
export async function stagedChanges(workTree: string, cwd = process.cwd()): Promise<StagedChanges> {
  // Batched: a pre-commit check asks for this and for the committing repos' file lists in one turn.
  const stdout = await batchedGit(workTree, ['diff', '--cached', '--raw', '--no-abbrev', '--no-renames', '-z'], { indexFile: indexFile(cwd) });
  const fields = stdout.toString('utf8').split('\0');
  const changes: StagedChanges = { staged: [], ids: new Map(), links: [], deleted: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path.
    const [, newMode, , newId, status] = fields[i].split(' ');
    const path = fields[i + 1];
    if (status === 'D') changes.deleted.push(path);
    else if (newMode === '120000') changes.links.push(path);
    else if (newMode === '100644' || newMode === '100755') {
      changes.staged.push(path);
      changes.ids.set(path, newId);
    }
  }
  return changes;
}

/** Where the staged blobs of a work tree can be read without git: its object store, and each path's blob id. */
export interface LooseBlobs {
  commonDir: string;
  ids: ReadonlyMap<string, string>;
}

/**
 * Staged blobs of work-tree-relative paths: each from the loose object store when `loose` knows its
 * id and finds it there (as `git add` leaves it), the rest in one `git cat-file --batch`.
 */
export async function readStagedBlobs(workTree: string, paths: readonly string[], cwd = process.cwd(), loose?: LooseBlobs): Promise<Map<string, ReadOutcome>> {
  const blobs = new Map<string, ReadOutcome>();
  const askable: string[] = [];
  for (const path of paths) {
    const id = loose?.ids.get(path);
    const object = loose && id !== undefined ? readLooseObject(loose.commonDir, id, { maxBytes: MAX_FILE_BYTES }) : null;
    if (object) blobs.set(path, blobOutcome(object));
    else if (/[\n\r]/.test(path)) blobs.set(path, { bytes: null, problem: 'path holds a line break; cannot read its staged blob' });
    else askable.push(path);
  }
  if (askable.length === 0) return blobs;
  const objects = await readObjects(workTree, askable.map((p) => `:${p}`), { maxBytes: MAX_FILE_BYTES, env: indexFileEnv(indexFile(cwd)) });
  askable.forEach((path, i) => blobs.set(path, blobOutcome(objects[i])));
  return blobs;
}

function blobOutcome(object: BatchObject): ReadOutcome {
  if (!object.found) return { bytes: null, problem: `no staged blob (${object.header})` };
  if (object.type !== 'blob') return { bytes: null, problem: `staged entry is a ${object.type}, not a file` };
  if (object.bytes === null) return { bytes: null, problem: overSizeCap(object.size) };
  return { bytes: object.bytes };
}
