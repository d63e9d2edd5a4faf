// A repo's files under some folders, as `git ls-files --cached --others --exclude-standard` lists
// them, read from the git index file where that answer is certain, without a git process (each
// costs 8-14 ms of this machine's time; a first sync of 50 repos lists 50). Certain means: the
// index is one this reader can read whole (git-index.ts), the repository is an ordinary one git
// would open for this user, and every file under those folders is tracked, so there is no
// untracked file whose fate git's ignore rules would decide. Anything else answers null, and the
// caller asks git, whose answer (or error) stands: an untracked file, a nested repository, a
// split or sparse index, another owner, a config this reader does not follow.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameFromBytes } from './file-names.js';
import { parseGitConfig } from './git-config.js';
import { findGitDirs, prefixInWorkTree, readOrNull, type GitDirs } from './git-dirs.js';
import { indexedPaths, type HashLength } from './git-index.js';

/**
 * The tracked files under `pathspecs` (folders or files relative to `folder`, `/`-separated, as
 * git's pathspecs without magic), relative to `folder`, each once, sorted; null when git must be asked.
 */
export function listFromIndex(folder: string, pathspecs: readonly string[]): string[] | null {
  if (pathspecs.length === 0 || !pathspecs.every(isPlainPathspec)) return null;
  const dirs = findGitDirs(folder);
  if (dirs === null || !ownedByThisUser(dirs)) return null;
  const hashLength = configHashLength(readOrNull(join(dirs.commonDir, 'config')));
  if (hashLength === null) return null;
  const prefix = prefixInWorkTree(dirs, folder);
  if (prefix === '..' || prefix.startsWith('../')) return null;
  const entries = readIndexEntries(join(dirs.gitDir, 'index'), hashLength);
  if (entries === null) return null;
  const lead = prefix === '' ? '' : `${prefix}/`;
  const tracked = new Set<string>();
  for (const entry of entries) {
    const path = nameFromBytes(entry);
    if (!path.startsWith(lead)) continue;
    const relative = path.slice(lead.length);
    if (pathspecs.some((spec) => relative === spec || relative.startsWith(`${spec}/`))) tracked.add(relative);
  }
  for (const spec of pathspecs) if (!everyFileTracked(folder, spec, tracked)) return null;
  return [...tracked].sort();
}

/** A pathspec git reads as the path it spells: no glob characters, no `:` magic, no `.`/`..`/empty segment. */
function isPlainPathspec(spec: string): boolean {
  return !/[*?[\]\\]/.test(spec) && !spec.startsWith(':') && spec.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The index's entries; [] where there is none yet (nothing added); null where it cannot be read or vouched for. */
function readIndexEntries(path: string, hashLength: HashLength): Uint8Array[] | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : null;
  }
  return indexedPaths(bytes, hashLength);
}

/**
 * git refuses a repository another user owns unless safe.directory says otherwise (its
 * ensure_valid_ownership): where the owner is not this user, git decides, with its own message.
 */
function ownedByThisUser(dirs: GitDirs): boolean {
  const uid = process.geteuid?.();
  if (uid === undefined) return false;
  for (const path of [dirs.workTree, join(dirs.workTree, '.git'), dirs.gitDir]) {
    try {
      if (lstatSync(path).uid !== uid) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The object name length the repository's config declares (extensions.objectFormat); null for a
 * config that changes what this reader assumes or that it cannot follow: a bare repository, a
 * work tree set elsewhere (core.worktree), per-worktree config, included files, anything
 * parseGitConfig does not read, and (declined as before, though parseGitConfig reads them) values
 * continued across lines.
 */
export function configHashLength(config: string | null): HashLength | null {
  if (config === null || /\\\r?\n/.test(config)) return null;
  const entries = parseGitConfig(config);
  if (entries === null) return null;
  let hashLength: HashLength = 20;
  for (const { section, name, value } of entries) {
    if (section === 'include' || section === 'includeif') return null;
    const key = `${section}.${name}`;
    const text = value === true ? value : value.toLowerCase();
    if (key === 'core.bare' && !isFalse(text)) return null;
    if (key === 'core.worktree' || (key === 'extensions.worktreeconfig' && !isFalse(text))) return null;
    if (key === 'extensions.objectformat') {
      if (text === 'sha1') hashLength = 20;
      else if (text === 'sha256') hashLength = 32;
      else return null;
    }
  }
  return hashLength;
}

/** git's false: `false`, `no`, `off`, `0` (a bare key, or an empty value, is not false). */
function isFalse(value: string | true): boolean {
  return value === 'false' || value === 'no' || value === 'off' || value === '0';
}

/**
 * True when git would list nothing under `spec` but tracked files: every file, link or other entry
 * below it is in `tracked`. A nested repository (a `.git` inside), or a folder that cannot be
 * read, is left to git. git never descends through a symbolic link, and neither does this.
 */
function everyFileTracked(folder: string, spec: string, tracked: ReadonlySet<string>): boolean {
  let isDirectory: boolean;
  try {
    isDirectory = lstatSync(join(folder, spec)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
  return isDirectory ? folderTracked(folder, spec, tracked) : tracked.has(spec);
}

function folderTracked(folder: string, relative: string, tracked: ReadonlySet<string>): boolean {
  let entries;
  try {
    entries = readdirSync(join(folder, relative), { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.name === '.git') return false;
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory() ? !folderTracked(folder, child, tracked) : !tracked.has(child)) return false;
  }
  return true;
}
