// The no-op check: which files of a repo changed since the index was written, found with stats
// only. The repo's file list is re-read (a git process) only when its git index file or one of its
// included folders changed; otherwise only the known files are stat'ed. Takes no lock, writes nothing.
import type { Stats } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { GitError } from '../workspace/git.js';
import type { RepoConfig } from '../workspace/types.js';
import { fileLister, gitStateFiles } from './repo-files.js';
import type { EarlyWalk } from './early-walk.js';
import type { FileRow, RecordedFiles, RepoRow } from './state.js';
import { checkSummary, entryStamps, fileStamp, folderStamps, foldersUnchanged } from './stamps.js';
import { inUnwatchedFolder } from './watch-vouch.js';

export interface FileCandidate {
  path: string;
  /** The file's stats (a link's target's, for a link inside the repo; the link's own otherwise). */
  stats: Stats | null;
  /**
   * Its stat stamp (fileStamp); null when not stat'ed by the plan (a full sync): the read stamps it
   * (prepareFile), so a first sync stats no file twice.
   */
  stamp: string | null;
  row: FileRow | undefined;
}

export interface RepoPlan {
  repo: RepoConfig;
  row: RepoRow | undefined;
  reachable: boolean;
  /**
   * Why the repo's documents cannot be read (checkout missing, not a git work tree, git cannot
   * list it, an include glob leaving it); null when they were. A problem is the repo's alone:
   * its rows are dropped and the other repos sync as usual.
   */
  problem: string | null;
  /** repoConfigKey: the registry settings this plan listed the repo with. */
  configKey: string;
  /** New stamps to record when the list was re-read (null: keep the recorded ones). */
  listing: { gitIndexStamp: string | null; dirStamps: Record<string, string> } | null;
  scanned: number;
  candidates: FileCandidate[];
  vanished: FileRow[];
}

/**
 * What of a repo's registry entry decides its file list, as one string, compared with the one
 * recorded in the index's `config_hash` column (named when it held a digest; the string itself
 * is short, and comparing it needs no node:crypto on the no-op path).
 */
export function repoConfigKey(repo: RepoConfig): string {
  return JSON.stringify([repo.checkout, repo.include]);
}

/**
 * What makes the file list worth reading again: the git index (files added, removed, renamed),
 * HEAD and the config (a checkout turned bare, or repaired). Null outside a git work tree.
 */
export function gitIndexStamp(checkout: string, recorded: string | null = null): string | null {
  // Most checkouts have their own `.git` folder: when its three files stamp exactly as recorded,
  // git's discovery (stat the folders, read HEAD and commondir) would find these same files — a
  // HEAD unchanged since is still valid — so it is skipped. Any other stamp goes the long way.
  if (recorded !== null) {
    const dotGit = join(checkout, '.git');
    const quick = stampOf([join(dotGit, 'index'), join(dotGit, 'HEAD'), join(dotGit, 'config')]);
    if (quick === recorded) return quick;
  }
  const files = gitStateFiles(checkout);
  return files ? stampOf(files) : null;
}

function stampOf(files: string[]): string {
  return entryStamps(files).map((entry) => entry?.stamp ?? '-').join('|');
}

/**
 * A repo's file list being read by git, with the stamps taken before the listing started (so a
 * change made while git lists changes them): what planRepo records with the list.
 */
export interface RepoListing {
  gitStamp: string | null;
  dirStamps: Record<string, string>;
  /** Rejects with a GitError when git cannot list the repo. */
  paths: Promise<string[]>;
}

/**
 * What starts reading repos' file lists ahead of their plans, for a caller that knows they will
 * be read again (a pre-commit check: staging files changed the git index) and has other work to do
 * meanwhile; the lists it starts in one turn share one git process. planRepo uses a list when the
 * git index still stamps the same, and lists again otherwise.
 */
export async function aheadLister(): Promise<(repo: RepoConfig) => RepoListing> {
  const start = await listingStarter();
  return (repo) => {
    const listing = start(repo, gitIndexStamp(repo.checkout));
    void listing.paths.catch(() => undefined); // awaited (and its failure reported) by planRepo
    return listing;
  };
}

async function listingStarter(): Promise<(repo: RepoConfig, gitStamp: string | null) => RepoListing> {
  const [list, { includeBases }] = await Promise.all([fileLister(), import('../workspace/include.js')]);
  return (repo, gitStamp) => {
    // Folder stamps are taken before listing, so a file added during the listing changes them.
    const dirStamps = folderStamps(repo.checkout, includeBases(repo.include));
    return { gitStamp, dirStamps, paths: list(repo.checkout, repo.include) };
  };
}

/**
 * `recorded`: the repo's files rows, read only where the repo's summary cannot vouch for them.
 * `ahead`: its file list, if a caller started reading it already (aheadLister).
 * `vouched`: a running watcher saw none of the repo's files change since its last sync
 * (watch-vouch.ts): the summary's stamps are trusted without a stat.
 * `early`: the stats the command started as it began (early-walk.ts), for the repos they still cover.
 */
export async function planRepo(
  repo: RepoConfig,
  row: RepoRow | undefined,
  recorded: RecordedFiles,
  full: boolean,
  ahead?: RepoListing,
  vouched = false,
  early?: EarlyWalk | null,
): Promise<RepoPlan> {
  const configKey = repoConfigKey(repo);
  const plan: RepoPlan = { repo, row, reachable: true, problem: null, configKey, listing: null, scanned: 0, candidates: [], vanished: [] };
  // Followed: a registry path may be a link to the checkout (DoI C2 accepts it too).
  if (!entryStamps([repo.checkout], true)[0]?.folder) return unreadable(plan, recorded.all(), CHECKOUT_NOT_FOUND);
  const outside = repo.include.find(leavesRepo);
  if (outside !== undefined) return unreadable(plan, recorded.all(), `include glob \`${outside}\` leaves the repository (a path with \`..\` or an absolute path)`);
  const gitStamp = gitIndexStamp(repo.checkout, full ? null : (row?.git_index_stamp ?? null));
  if (gitStamp === null) return unreadable(plan, recorded.all(), 'not inside a git work tree');
  const relist =
    full ||
    !row ||
    row.config_hash !== configKey ||
    row.git_index_stamp !== gitStamp ||
    // Checked even when a watcher vouches: a folder made just before a file in it can beat the
    // watch set up on it, and these few stats catch what the watch would miss.
    !foldersUnchanged(repo.checkout, JSON.parse(row.dir_stamps) as Record<string, string>);
  if (!relist) {
    // The no-op check: stat the known files, nothing else. This is the hot path: the files of an
    // unchanged repo are vouched for by its summary, and only its racy files are looked at one by
    // one; any other doubt sends the whole repo file by file.
    // A repo with files where the watcher does not look (node_modules) is stat'ed file by file.
    // Stat'ed already where the command's early walk (early-walk.ts) compared this same summary.
    const trusted = vouched && !inUnwatchedFolder(row!.file_paths);
    const walked = trusted ? undefined : early?.answer(row!);
    const summary = walked !== undefined ? walked : checkSummary(repo.checkout, row!.file_paths, row!.file_stamps, trusted);
    const racyRows = summary?.racy.map((path) => recorded.one(path));
    if (summary && racyRows && racyRows.every((r) => r !== undefined)) {
      plan.scanned = summary.unchanged;
      inspectRows(plan, racyRows as FileRow[]);
    } else inspectRows(plan, recorded.all());
    return plan;
  }
  // A listing read ahead is good when it was stamped with this same git index: the folder stamps
  // it took before listing are then older than this plan's, so a file added since still shows.
  const listing = ahead?.gitStamp === gitStamp && !full ? ahead : (await listingStarter())(repo, gitStamp);
  const { dirStamps } = listing;
  let paths: string[];
  try {
    paths = await listing.paths;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return unreadable(plan, recorded.all(), `git cannot list its files: ${gitReason(error)}`);
  }
  plan.listing = { gitIndexStamp: gitStamp, dirStamps };
  const rows = recorded.all();
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const seen = new Set<string>();
  for (const path of paths) {
    const r = byPath.get(path);
    if (full) {
      // Every file is read: the read stamps it, and a path that is no file turns out gone then.
      seen.add(path);
      plan.scanned++;
      plan.candidates.push({ path, stats: null, stamp: null, row: r });
      continue;
    }
    const found = inspect(repo.checkout, path, r);
    if (!found) continue;
    seen.add(path);
    plan.scanned++;
    if (found !== UNCHANGED) plan.candidates.push({ ...found, row: r });
  }
  for (const r of rows) if (!seen.has(r.path)) plan.vanished.push(r);
  return plan;
}

export const CHECKOUT_NOT_FOUND = 'checkout not found on this host';

/**
 * A repo whose documents cannot be read contributes none. Its recorded stamps are cleared so the
 * next sync looks again (and sees a repair) rather than trusting a listing that never happened.
 */
function unreadable(plan: RepoPlan, rows: FileRow[], problem: string): RepoPlan {
  plan.reachable = false;
  plan.problem = problem;
  plan.vanished = rows;
  plan.listing = { gitIndexStamp: null, dirStamps: {} };
  return plan;
}

/** A glob that could name a path outside the repo: absolute, or with a `..` segment. */
function leavesRepo(glob: string): boolean {
  return isAbsolute(glob) || glob.startsWith('/') || glob.split(/[\\/]/).includes('..');
}

/** git's own first line (`fatal: index file corrupt`), without the command we ran. */
function gitReason(error: GitError): string {
  const line = error.stderr.split('\n').find((l) => l.trim() !== '')?.trim();
  return line ?? error.message;
}

/** Stats each row's file: a changed one becomes a candidate, a missing one vanished. */
function inspectRows(plan: RepoPlan, rows: readonly FileRow[]): void {
  for (const r of rows) {
    const found = inspect(plan.repo.checkout, r.path, r);
    if (!found) plan.vanished.push(r);
    else {
      plan.scanned++;
      if (found !== UNCHANGED) plan.candidates.push(found);
    }
  }
}

/** What inspect returns for a file whose stamp equals its (non-racy) row. */
const UNCHANGED = Object.freeze({}) as FileCandidate;

/**
 * Stats one file (fileStamp): null when it is gone (git may still list a tracked file deleted from
 * disk), UNCHANGED when its stamp equals `row`'s and the row is not racy, else a candidate to read.
 */
function inspect(checkout: string, path: string, row: FileRow | undefined): FileCandidate | null {
  const found = fileStamp(checkout, path);
  if (!found) return null;
  return row && row.stamp === found.stamp && !row.racy ? UNCHANGED : { path, stats: found.stats, stamp: found.stamp, row };
}
