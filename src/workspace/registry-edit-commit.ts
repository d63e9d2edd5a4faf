// Writing a set of planned file edits all-or-nothing as far as a file system allows: every file
// is locked and checked against the bytes the plan was made from before any is written, so a
// file changed since it was read refuses the whole set. Used by registry edits and by
// `domain rename`, whose cascade spans custodian.yaml and documents in several repos.
import { stat } from 'node:fs/promises';
import { CustodianError } from '../errors.js';
import { confinementProblem, encodeText, readTextFile, withFileLock, writeFileAtomic } from '../edit/index.js';

export interface PlannedWrite {
  /** Absolute path. */
  path: string;
  /** BOM-less text the plan was made from; null for a file the plan creates. */
  before: string | null;
  /** BOM-less text to write. */
  after: string;
  /** Write a BOM before the text (kept from the file that was read). */
  bom: boolean;
  /** sha256 of the bytes the plan was made from; null for a file the plan creates. */
  hash: string | null;
  /** The folder the file's real path must stay inside (the workspace, the repo): a link leading out is never written through. */
  within: Confinement;
}

export interface Confinement {
  root: string;
  /** How messages name it: 'the workspace', 'the repository'. */
  name: string;
}

export interface WriteFailure {
  path: string;
  code: string;
  message: string;
}

export interface CommitOutcome {
  written: string[];
  /** Files that passed the check but could not be written (disk full, permissions, …). */
  failed: WriteFailure[];
}

/**
 * Locks every file (in path order, so two commits never wait on each other), checks that each
 * still holds the bytes the plan was made from (`conflict` otherwise: nothing is written), then
 * writes each atomically, in the order given. A write that fails does not stop the others; it
 * is reported. `stopAfterFailure` names files whose failure means the rest must not be written.
 */
export async function commitWrites(writes: PlannedWrite[], options: { stopAfterFailure?: (path: string) => boolean } = {}): Promise<CommitOutcome> {
  const locked = [...new Set(writes.map((w) => w.path))].sort();
  const run = async (): Promise<CommitOutcome> => {
    for (const write of writes) assertConfined(write);
    for (const write of writes) await assertUnchanged(write);
    const outcome: CommitOutcome = { written: [], failed: [] };
    let stopped = false;
    for (const write of writes) {
      if (stopped) {
        outcome.failed.push({ path: write.path, code: 'not-written', message: 'not written: an earlier file of the same edit could not be written' });
        continue;
      }
      try {
        await writeFileAtomic(write.path, encodeText(write.after, write.bom), write.hash === null ? {} : { expectedHash: write.hash });
        outcome.written.push(write.path);
      } catch (error) {
        const code = error instanceof CustodianError ? error.code : 'internal';
        outcome.failed.push({ path: write.path, code, message: error instanceof Error ? error.message : String(error) });
        if (options.stopAfterFailure?.(write.path)) stopped = true;
      }
    }
    return outcome;
  };
  const withLocks = locked.reduceRight<() => Promise<CommitOutcome>>((inner, path) => () => withFileLock(path, inner), run);
  return withLocks();
}

function assertConfined(write: PlannedWrite): void {
  const problem = confinementProblem(write.path, write.within.root, write.within.name);
  if (problem !== null) {
    throw new CustodianError('refused', `${write.path}: not writing it: ${problem}; nothing was written`, {
      details: { path: write.path, reason: 'outside' },
    });
  }
}

async function assertUnchanged(write: PlannedWrite): Promise<void> {
  if (write.hash === null) {
    if (await exists(write.path)) {
      throw new CustodianError('conflict', `${write.path} was created since the edit was planned; nothing was written (retry the command)`, {
        details: { path: write.path, reason: 'created' },
      });
    }
    return;
  }
  let current;
  try {
    current = await readTextFile(write.path);
  } catch (error) {
    if (error instanceof CustodianError && error.code === 'not-found') {
      throw new CustodianError('conflict', `${write.path} was deleted since it was read; nothing was written (retry the command)`, {
        details: { path: write.path, reason: 'deleted' },
      });
    }
    throw error;
  }
  if (current.hash !== write.hash) {
    throw new CustodianError('conflict', `${write.path} changed since it was read; nothing was written (retry the command)`, {
      details: { path: write.path, reason: 'modified' },
    });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
