// The whole read-modify-write of one file, as every command that changes a file does it:
// lock, read, compute edits, apply, verify, write atomically, all or nothing.
import { relative } from 'node:path';
import type { TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import { applyEdits } from './apply-edits.js';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { contentHash } from '../documents/text.js';
import { encodeText, readTextFile, type TextFile } from './text-file.js';
import { unifiedDiff } from './unified-diff.js';

export interface EditOptions {
  /** Checks the new BOM-less text; a returned message refuses the edit (nothing is written). */
  verify?: (newText: string) => string | null;
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  /** The hash the caller read before deciding on the edit: refuse with `conflict` if the file has changed since. */
  expectedHash?: string;
  /** Label for the diff, e.g. the repo-relative path (default: the path relative to the current directory). */
  diffLabel?: string;
  lock?: FileLockOptions;
}

export interface EditOutcome {
  path: string;
  changed: boolean;
  /** BOM-less text before and after the edit. */
  before: string;
  after: string;
  /** Unified diff of the change ('' when unchanged). */
  diff: string;
  /** Edits left out for overlapping an earlier one (see applyEdits); empty for non-overlapping edits. */
  skipped: TextEdit[];
  /** contentHash of the file's bytes once the call is done (the new bytes when written). */
  hash: string;
}

export async function editTextFile(
  path: string,
  makeEdits: (file: TextFile) => TextEdit[] | Promise<TextEdit[]>,
  options: EditOptions = {},
): Promise<EditOutcome> {
  return withFileLock(
    path,
    async () => {
      const file = await readTextFile(path);
      if (options.expectedHash !== undefined && file.hash !== options.expectedHash) {
        throw new CustodianError('conflict', `${path} changed since it was read; not editing it (retry the command)`, {
          details: { path, reason: 'modified' },
        });
      }
      const edits = await makeEdits(file);
      const { text: after, skipped } = applyEdits(file.text, edits);
      const changed = after !== file.text;
      const problem = changed && options.verify ? options.verify(after) : null;
      if (problem !== null) {
        throw new CustodianError('refused', `${path}: edit refused: ${problem}`, { details: { path, reason: problem } });
      }
      const outcome: EditOutcome = {
        path,
        changed,
        before: file.text,
        after,
        diff: unifiedDiff(file.text, after, options.diffLabel ?? relative(process.cwd(), path)),
        skipped,
        hash: file.hash,
      };
      if (!changed || options.dryRun) return outcome;
      const bytes = encodeText(after, file.bom);
      await writeFileAtomic(path, bytes, { expectedHash: file.hash });
      return { ...outcome, hash: contentHash(bytes) };
    },
    options.lock,
  );
}
