// `--push`: an edit made exclusive across machines with no server, the git remote being the
// compare-and-set. The edit is committed alone (that one file) and the branch pushed to its
// upstream. A push the remote rejects because it moved on means someone else pushed first: the
// local commit is dropped, the branch moves to the remote's state, and the edit is decided again
// on that state (so a task someone else now holds is refused as `taken`, and anything else is
// re-applied and pushed). After a refusal or a failure the branch carries no commit of ours.
import { relative, sep } from 'node:path';
import { CustodianError } from '../errors.js';
import { withFileLock } from '../edit/file-lock.js';
import { findGitDirs } from './git-dirs.js';
import { GitError, runGit } from './git.js';

/** How many times a rejected push is retried on the remote's new state before giving up. */
export const MAX_PUSH_ATTEMPTS = 6;

export interface PushTarget {
  /** Absolute path of the edited file. */
  path: string;
  /** The commit message (`custodian: claim <id> for NAME`), asked for after the edit. */
  message: () => string;
}

export interface PushOutcome {
  /** False when the edit changed nothing (nothing committed or pushed). */
  pushed: boolean;
  /** The commit pushed, when there was one. */
  commit: string | null;
  remote: string;
  /** The remote branch pushed to (`main`). */
  branch: string;
  attempts: number;
}

interface Upstream {
  workTree: string;
  file: string;
  remote: string;
  /** The remote branch (`refs/heads/main`). */
  merge: string;
  /** The local branch (`main`). */
  branch: string;
}

/**
 * Runs `edit` (which reads, decides and writes the file, returning whether it changed it), then
 * commits and pushes that file; on a rejected push, undoes the commit, moves to the remote's
 * state and runs `edit` again. Refusals thrown by `edit` pass through with the branch clean.
 */
export async function editAndPush(target: PushTarget, edit: () => Promise<boolean>): Promise<PushOutcome> {
  const upstream = await findUpstream(target.path);
  // One push at a time per clone: git's own index lock would fail a second concurrent commit.
  const lockKey = `${findGitDirs(upstream.workTree)!.gitDir}${sep}custodian-push`;
  return withFileLock(lockKey, () => pushLoop(upstream, target, edit), { timeoutMs: 120_000 });
}

async function pushLoop(up: Upstream, target: PushTarget, edit: () => Promise<boolean>): Promise<PushOutcome> {
  await refuseLocalChanges(up);
  for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
    if (!(await edit())) return { pushed: false, commit: null, remote: up.remote, branch: remoteBranch(up), attempts: attempt };
    await git(up, ['commit', '-q', '--no-verify', '--only', '-m', target.message(), '--', up.file]);
    const commit = (await git(up, ['rev-parse', 'HEAD'])).trim();
    const push = await runGit(up.workTree, ['push', '--porcelain', up.remote, `HEAD:${up.merge}`], { okExitCodes: [0, 1] });
    if (push.exitCode === 0) return { pushed: true, commit, remote: up.remote, branch: remoteBranch(up), attempts: attempt };
    await dropCommit(up, commit);
    if (!lostPushRace(push.stdout + push.stderr)) {
      throw new CustodianError('refused', `git push to ${up.remote} failed: ${firstLine(push.stderr || push.stdout)}; the edit was undone`, {
        details: { reason: 'push-failed' },
      });
    }
    // Someone pushed first: take their state and decide again.
    await git(up, ['fetch', '-q', up.remote]);
    await moveToUpstream(up);
  }
  throw new CustodianError('conflict', `the remote ${up.remote} kept moving: gave up after ${MAX_PUSH_ATTEMPTS} attempts; retry`, {
    details: { reason: 'changed' },
  });
}

async function findUpstream(path: string): Promise<Upstream> {
  const dirs = findGitDirs(path);
  if (!dirs) throw refusedPush(`${path} is not in a git work tree`);
  const workTree = dirs.workTree;
  const file = relative(workTree, path).split(sep).join('/');
  const branch = (await runGit(workTree, ['symbolic-ref', '-q', '--short', 'HEAD'], { okExitCodes: [0, 1] })).stdout.trim();
  if (!branch) throw refusedPush('HEAD is detached: --push needs a branch with an upstream');
  const config = async (key: string) => (await runGit(workTree, ['config', '--get', `branch.${branch}.${key}`], { okExitCodes: [0, 1] })).stdout.trim();
  const remote = await config('remote');
  const merge = await config('merge');
  if (!remote || !merge || remote === '.') throw refusedPush(`branch ${branch} has no upstream on a remote (git branch --set-upstream-to <remote>/<branch>)`);
  return { workTree, file, remote, merge, branch };
}

/** The file must hold nothing but what this edit writes: its commit takes the whole file. */
async function refuseLocalChanges(up: Upstream): Promise<void> {
  const status = (await git(up, ['status', '--porcelain', '-z', '--', up.file])).trim();
  if (status) throw refusedPush(`${up.file} has uncommitted changes; commit or stash them first (--push commits the whole file)`);
}

/** Removes our commit (HEAD) and puts the file back as it was before it. */
async function dropCommit(up: Upstream, commit: string): Promise<void> {
  const head = (await git(up, ['rev-parse', 'HEAD'])).trim();
  if (head === commit) await git(up, ['reset', '-q', '--keep', 'HEAD~1']);
}

/** Brings the branch to the remote's state: a fast-forward, or a rebase of commits not yet pushed. */
async function moveToUpstream(up: Upstream): Promise<void> {
  const ahead = Number((await git(up, ['rev-list', '--count', '@{upstream}..HEAD'])).trim());
  try {
    if (ahead === 0) await git(up, ['merge', '-q', '--ff-only', '@{upstream}']);
    else await git(up, ['rebase', '-q', '--autostash', '@{upstream}']);
  } catch (error) {
    if (ahead > 0) await runGit(up.workTree, ['rebase', '--abort'], { okExitCodes: [0, 1, 128] });
    const reason = error instanceof GitError ? firstLine(error.stderr) : String(error);
    throw new CustodianError('conflict', `could not bring ${up.branch} up to date with ${up.remote}: ${reason}`, { details: { reason: 'changed' } });
  }
}

/**
 * The remote moved on: our push is not a fast-forward (`[rejected]`), or another push updated the
 * branch while ours was being received (`[remote rejected]` for a ref lock or a changed old value).
 * A hook's refusal is not a race: it stays a failure.
 */
function lostPushRace(output: string): boolean {
  if (/\[rejected\]/.test(output)) return true;
  return /\[remote rejected\][^\n]*(cannot lock ref|failed to update ref|incorrect old value|failed to lock)/.test(output);
}

function remoteBranch(up: Upstream): string {
  return up.merge.replace(/^refs\/heads\//, '');
}

async function git(up: Upstream, args: string[]): Promise<string> {
  return (await runGit(up.workTree, args)).stdout;
}

function refusedPush(message: string): CustodianError {
  return new CustodianError('refused', `--push: ${message}`, { details: { reason: 'push-unavailable' } });
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((line) => line.trim() !== '') ?? 'no output';
}
