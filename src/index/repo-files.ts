// Which files of a repo are planning documents: git's list (tracked, and untracked but not
// ignored; it never descends through a symbolic link) filtered by the repo's include globs.
// A folder that is not inside a git work tree is walked instead, never following links.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findGitDirs } from '../workspace/git-dirs.js';
import { listFiles } from '../workspace/git-facts.js';

export async function listIncludedFiles(checkout: string, include: readonly string[]): Promise<string[]> {
  // picomatch is only needed when a repo's file list is read again, never on the no-op path.
  const { compileInclude, includeBases } = await import('../workspace/include.js');
  const matches = compileInclude(include);
  const bases = includeBases(include);
  const pathspecs = bases.includes('') ? [] : bases;
  const paths = findGitDirs(checkout) ? await listFiles(checkout, pathspecs) : walkFiles(checkout, bases);
  return paths.filter(matches);
}

function walkFiles(checkout: string, bases: string[]): string[] {
  const found = new Set<string>();
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(checkout, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() || entry.isSymbolicLink()) found.add(child);
    }
  };
  for (const base of bases) walk(base);
  return [...found].sort();
}

/** The git index file whose change means files may have been added, removed or renamed. */
export function gitIndexFile(checkout: string): string | null {
  const dirs = findGitDirs(checkout);
  return dirs ? join(dirs.gitDir, 'index') : null;
}
