// Where the SQLite index lives: --index, else $CUSTODIAN_INDEX, else inside the workspace, or
// in single-repo mode in the user's cache folder so a pre-commit hook never adds files to the repo.
import { sha256Hex } from '../hashing.js';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { WorkspaceMode } from './types.js';

export interface IndexPathOptions {
  cwd: string;
  mode: WorkspaceMode;
  /** The workspace folder, or the repo's work tree in single-repo mode. */
  root: string;
  index?: string;
  env: NodeJS.ProcessEnv;
}

/** Who named the index file: an explicit choice may point at anything, so it is only ever written when it is ours. */
export type IndexSource = 'default' | '--index' | 'CUSTODIAN_INDEX';

export function indexSource(options: Pick<IndexPathOptions, 'index' | 'env'>): IndexSource {
  if (options.index) return '--index';
  if (options.env.CUSTODIAN_INDEX) return 'CUSTODIAN_INDEX';
  return 'default';
}

export function resolveIndexPath(options: IndexPathOptions): string {
  const { cwd, env } = options;
  if (options.index) return resolve(cwd, options.index);
  if (env.CUSTODIAN_INDEX) return resolve(cwd, env.CUSTODIAN_INDEX);
  if (options.mode === 'workspace') return join(options.root, '.custodian', 'index.sqlite');
  return join(cacheHome(env), 'custodian', repoCacheKey(options.root), 'index.sqlite');
}

/** $XDG_CACHE_HOME when set to an absolute path (the XDG spec ignores relative ones), else ~/.cache. */
export function cacheHome(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return xdg;
  return join(env.HOME || homedir(), '.cache');
}

/** 16 hex digits of the SHA-256 of the repo's real path: one cache folder per checkout. */
export function repoCacheKey(root: string): string {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // A folder that vanished still gets a stable key from the path as given.
  }
  return sha256Hex(real).slice(0, 16);
}
