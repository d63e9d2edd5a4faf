// Which workspace a command works in: --workspace, else $CUSTODIAN_WORKSPACE, else the nearest
// custodian.yaml above the current folder, else the git work tree around it as a one-repo
// workspace. Runs at the start of every command, so it starts no git process.
import { statSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CustodianError } from '../errors.js';
import { findGitDirs } from './git-dirs.js';
import { indexSource, resolveIndexPath } from './index-path.js';
import type { Registry } from './registry.js';
import { readCachedRegistry, registryKey, writeCachedRegistry } from './registry-cache.js';
import { slugFromName } from './slug.js';
import { CONFIG_FILE_NAME, DEFAULT_INCLUDE, type Workspace } from './types.js';
import { VERSION } from '../version.js';



export interface ResolveWorkspaceOptions {
  cwd: string;
  /** --workspace: a folder holding custodian.yaml (or the file itself). */
  workspace?: string;
  /** --index: the index file. */
  index?: string;
  env?: NodeJS.ProcessEnv;
  /** This machine's name for host_paths (default: os.hostname()). */
  hostname?: string;
}

export async function resolveWorkspace(options: ResolveWorkspaceOptions): Promise<Workspace> {
  const env = options.env ?? process.env;
  const cwd = resolve(options.cwd);
  const root = workspaceRoot(options);
  if (root !== null) return workspaceAt(root, cwd, options, env);
  return singleRepo(cwd, options, env);
}

/** The folder holding custodian.yaml the options lead to (without reading it), or null in single-repo mode. */
export function workspaceRoot(options: Pick<ResolveWorkspaceOptions, 'cwd' | 'workspace' | 'env'>): string | null {
  const env = options.env ?? process.env;
  const cwd = resolve(options.cwd);
  const explicit = options.workspace
    ? { value: options.workspace, source: '--workspace' }
    : env.CUSTODIAN_WORKSPACE
      ? { value: env.CUSTODIAN_WORKSPACE, source: 'CUSTODIAN_WORKSPACE' }
      : null;
  return explicit ? explicitRoot(resolve(cwd, explicit.value), explicit.source) : findRegistryUpward(cwd);
}

async function workspaceAt(root: string, cwd: string, options: ResolveWorkspaceOptions, env: NodeJS.ProcessEnv): Promise<Workspace> {
  const registry = await cachedRegistry(root, cwd, options, env);
  return {
    mode: 'workspace',
    root,
    config_file: registry.config_file,
    local_file: registry.local_file,
    domains: registry.domains,
    repos: registry.repos,
    rules: registry.rules,
    index_path: resolveIndexPath({ cwd, mode: 'workspace', root, index: options.index, env }),
    index_source: indexSource({ index: options.index, env }),
    config_text: registry.config_text,
  };
}

function singleRepo(cwd: string, options: ResolveWorkspaceOptions, env: NodeJS.ProcessEnv): Workspace {
  const dirs = findGitDirs(cwd);
  if (!dirs) {
    throw new CustodianError(
      'invalid-workspace',
      `no workspace here: ${cwd} has no ${CONFIG_FILE_NAME} above it and is not inside a git repository. ` +
        'Run `custodian init` to create a workspace, pass --workspace DIR (or set CUSTODIAN_WORKSPACE), ' +
        'or run custodian inside a git repository to check that repository alone.',
    );
  }
  const root = dirs.workTree;
  const name = basename(root);
  return {
    mode: 'single-repo',
    root,
    config_file: null,
    local_file: null,
    domains: [],
    repos: [
      {
        slug: slugFromName(name),
        name,
        domain: null,
        path: '.',
        checkout: root,
        host_paths: {},
        remote_url: null,
        fingerprint: null,
        description: null,
        status: 'active',
        include: [...DEFAULT_INCLUDE],
        rules: {},
        extra: {},
      },
    ],
    rules: {},
    index_path: resolveIndexPath({ cwd, mode: 'single-repo', root, index: options.index, env }),
    index_source: indexSource({ index: options.index, env }),
    config_text: null,
  };
}

/** The folder an explicit --workspace / CUSTODIAN_WORKSPACE names; it must hold custodian.yaml. */
function explicitRoot(target: string, source: string): string {
  const stat = statOrUndefined(target);
  if (stat?.isFile() && basename(target) === CONFIG_FILE_NAME) return dirname(target);
  if (stat?.isFile()) {
    throw new CustodianError('invalid-workspace', `${source} ${target}: expected a folder holding ${CONFIG_FILE_NAME}`);
  }
  if (!stat?.isDirectory()) {
    throw new CustodianError('invalid-workspace', `${source} ${target}: no such folder`);
  }
  if (!isFile(join(target, CONFIG_FILE_NAME))) {
    throw new CustodianError(
      'invalid-workspace',
      `${source} ${target}: no ${CONFIG_FILE_NAME} there. Run \`custodian init\` in that folder to create one.`,
    );
  }
  return target;
}

function findRegistryUpward(start: string): string | null {
  let dir = start;
  for (;;) {
    if (isFile(join(dir, CONFIG_FILE_NAME))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  return statOrUndefined(path)?.isFile() ?? false;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR, EACCES: nothing usable there
  }
}

/** The registry, from the content-keyed cache when custodian.yaml and custodian.local.yaml are unchanged. */
async function cachedRegistry(root: string, cwd: string, options: ResolveWorkspaceOptions, env: NodeJS.ProcessEnv): Promise<Registry> {
  const hostname = options.hostname ?? osHostname();
  const home = env.HOME || undefined;
  const key = registryKey(root, { hostname, home, version: VERSION /* a new version may read the registry differently */ });
  const cached = key === null ? null : readCachedRegistry(root, key);
  if (cached) return cached;
  const { loadRegistry } = await import('./registry.js');
  const registry = await loadRegistry(root, { cwd, hostname, home });
  if (key !== null) writeCachedRegistry(root, key, registry);
  return registry;
}
