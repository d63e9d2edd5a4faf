// Which of a repo's files are planning documents: its include globs, compiled once per glob set.
// Hidden files and folders (`.drafts/`, `.template.md`) match only when a glob names them
// explicitly: they hold templates and scratch work more often than real plans.
import { posix } from 'node:path';
import picomatch from 'picomatch';

export type IncludeMatcher = (path: string) => boolean;

const compiled = new Map<string, IncludeMatcher>();

/** A matcher for repo-relative `/`-separated paths; cached, so every repo with the same globs shares one. */
export function compileInclude(include: readonly string[]): IncludeMatcher {
  const key = include.join('\0');
  let matcher = compiled.get(key);
  if (!matcher) {
    matcher = include.length === 0 ? () => false : picomatch(include as string[], { dot: false });
    compiled.set(key, matcher);
  }
  return matcher;
}

/** The paths that match any include glob, in their original order. */
export function matchInclude(paths: readonly string[], include: readonly string[]): string[] {
  const matches = compileInclude(include);
  return paths.filter((path) => matches(path));
}

/**
 * The fixed folder each glob starts from (`workplans/**\/*.md` → `workplans`; '' for a glob
 * that can match anywhere), deduplicated: the folders whose mtimes tell whether new files appeared.
 */
export function includeBases(include: readonly string[]): string[] {
  const bases = new Set<string>();
  for (const glob of include) {
    const scan = picomatch.scan(glob);
    // A glob with no magic names one file: its folder is the one to watch.
    const base = scan.isGlob ? scan.base : posix.dirname(glob);
    bases.add(base === '.' ? '' : base);
  }
  return [...bases].sort();
}
