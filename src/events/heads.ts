// Where every event source's HEAD is, and the files that say so. Reading HEAD costs a few file
// reads per repo; the check every command pays only stats the files a HEAD was read from last
// time (HEAD, the branch's loose ref, packed-refs): git rewrites them whenever HEAD moves.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { entryStamps, lstatOrNull } from '../index/stamps.js';
import { findGitDirs, readHead, type GitDirs } from '../workspace/git-dirs.js';
import { resolveHead } from '../workspace/git-facts.js';
import type { Workspace } from '../workspace/types.js';

/** The cursor key of the workspace's registry: not a valid slug, so it never meets a repo's. */
export const WORKSPACE_KEY = ':workspace';

export interface Source {
  /** A repo slug, or WORKSPACE_KEY for the workspace's registry. */
  key: string;
  /** The folder git runs in for this source. */
  cwd: string;
}

export interface SourceHead extends Source {
  /** HEAD's commit; null with no commits yet. */
  head: string | null;
  /** The files HEAD was read from: when none changed, HEAD did not move. */
  files: string[];
}

/** Every registered repo, and the workspace itself (its custodian.yaml) in workspace mode. */
export function sourcesOf(ws: Workspace): Source[] {
  const sources = ws.repos.map((r) => ({ key: r.slug, cwd: r.checkout }));
  if (ws.mode === 'workspace') sources.push({ key: WORKSPACE_KEY, cwd: ws.root });
  return sources;
}

/** The sources inside a git work tree on this host, with their HEADs; the others are left out. */
export async function readSourceHeads(sources: readonly Source[]): Promise<SourceHead[]> {
  const heads = await Promise.all(
    sources.map(async ({ key, cwd }): Promise<SourceHead | null> => {
      // A missing checkout must not be taken for the work tree around where it would be.
      const dirs = isDirectory(cwd) ? findGitDirs(cwd) : null;
      if (!dirs) return null;
      const fromFiles = readHead(dirs.gitDir, dirs.commonDir);
      const head = fromFiles ?? (await resolveHead(dirs.workTree));
      return head ? { key, cwd, head: head.sha, files: fromFiles ? headFiles(dirs, fromFiles.ref) : [join(dirs.commonDir, 'reftable', 'tables.list')] } : null;
    }),
  );
  return heads.filter((h): h is SourceHead => h !== null);
}

function headFiles(dirs: GitDirs, ref: string | null): string[] {
  const files = [join(dirs.gitDir, 'HEAD')];
  if (ref === null) return files;
  const loose = join(ref.startsWith('refs/') ? dirs.commonDir : dirs.gitDir, ref);
  files.push(loose);
  // Without a loose ref, the branch is read from packed-refs.
  if (!lstatOrNull(loose)) files.push(join(dirs.commonDir, 'packed-refs'));
  return files;
}

/** One string naming every source's HEAD: equal strings, nothing moved. */
export function headsKey(heads: readonly SourceHead[]): string {
  return heads.map((h) => `${h.key}=${h.head ?? ''}`).join('\n');
}

/** One string of the sources and the stat stamps of their HEAD files: equal strings, no HEAD can have moved. */
export function watchStamp(sources: readonly Source[], files: readonly string[]): string {
  const parts = sources.map((s) => `${s.key}\t${s.cwd}`);
  for (const entry of entryStamps(files)) parts.push(entry?.stamp ?? '-');
  return parts.join('\n');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
