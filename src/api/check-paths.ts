// `check PATH…`: paths relative to the current directory, resolved to repo + repo-relative file.
// A folder stands for the planning files under it; a path that is no repo's planning file is
// skipped with a note (pre-commit passes every staged Markdown file, README.md included).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileRef } from '../check/index.js';
import { usageError } from '../errors.js';
import type { IndexDb } from '../index/db.js';
import { compileInclude } from '../workspace/include.js';
import type { RepoConfig } from '../workspace/types.js';

export interface ResolvedPaths {
  files: FileRef[];
  /** Paths given that are not planning files of a selected repo. */
  skipped: string[];
}

export function resolvePaths(db: IndexDb, paths: string[], repos: RepoConfig[], cwd: string): ResolvedPaths {
  const roots = repos.map((repo) => ({ repo, root: real(repo.checkout) })).sort((a, b) => b.root.length - a.root.length);
  const exists = db.prepare('SELECT 1 FROM files WHERE repo = ? AND path = ?').pluck();
  const under = db.prepare("SELECT path FROM files WHERE repo = ? AND path LIKE ? ESCAPE '\\' ORDER BY path").pluck();
  const seen = new Set<string>();
  const resolved: ResolvedPaths = { files: [], skipped: [] };
  for (const given of paths) {
    const abs = locate(given, cwd, repos);
    const owner = roots.find(({ root }) => abs === root || abs.startsWith(root + sep));
    if (!owner) {
      // A folder holding whole repos (the workspace root, `repos/`) stands for all their files.
      const inside = statSync(abs).isDirectory() ? roots.filter(({ root }) => root.startsWith(abs + sep)) : [];
      if (inside.length === 0) resolved.skipped.push(given);
      for (const { repo } of inside) add(repo.slug, under.all(repo.slug, '%') as string[]);
      continue;
    }
    const { slug, include } = owner.repo;
    const rel = relative(owner.root, abs).split(sep).join('/');
    let files: string[];
    if (statSync(abs).isDirectory()) {
      files = under.all(slug, rel === '' ? '%' : `${rel.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`) as string[];
    } else if (exists.get(slug, rel) !== undefined || compileInclude(include)(rel)) {
      files = [rel];
    } else {
      resolved.skipped.push(given);
      continue;
    }
    add(slug, files);
  }
  return resolved;

  function add(slug: string, files: string[]): void {
    for (const file of files) {
      const key = `${slug}\0${file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resolved.files.push({ repo: slug, file });
    }
  }
}

/** The absolute real path of a given path: from the cwd, else (with --repo) from the repo's root. */
function locate(given: string, cwd: string, repos: RepoConfig[]): string {
  const candidates = [resolve(cwd, given)];
  if (!isAbsolute(given) && repos.length === 1) candidates.push(join(repos[0].checkout, given));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw usageError(`no such file or folder: ${given}`);
  return real(found);
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
