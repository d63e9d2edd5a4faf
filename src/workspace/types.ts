// What a loaded workspace looks like to the rest of the program: the registry with every
// default filled in and every repo's checkout resolved for this host.
import type { IndexSource } from './index-path.js';

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';
export type RegistryStatus = 'active' | 'archived';
export type WorkspaceMode = 'workspace' | 'single-repo';

export const SLUG_PATTERN = /^[a-z0-9_-]+$/;

/** Where planning documents live when a repo does not say (DESIGN, "Workspace and registry"). */
export const DEFAULT_INCLUDE: readonly string[] = Object.freeze([
  'workplans/**/*.md',
  'docs/tasks/**/*.md',
  'goals/**/*.md',
  'interface-changes/**/*.md',
  'decisions/**/*.md',
]);

/** The keys the registry schema knows, in the order an edit writes them (others are kept as extra keys). */
export const DOMAIN_KEYS = ['slug', 'name', 'description', 'status'] as const;
export const REPO_KEYS = ['slug', 'name', 'domain', 'path', 'host_paths', 'remote_url', 'fingerprint', 'description', 'status', 'include', 'rules'] as const;

export const CONFIG_FILE_NAME = 'custodian.yaml';

/**
 * The registry is one file read once per command, not one of thousands of blocks, so it may be
 * far larger than a front-matter block (64 KiB): a thousand repos fit.
 */
export const REGISTRY_MAX_BYTES = 1024 * 1024;
export const LOCAL_FILE_NAME = 'custodian.local.yaml';

export interface DomainConfig {
  slug: string;
  name: string;
  description: string | null;
  status: RegistryStatus;
  /** Keys the schema does not know, kept verbatim. */
  extra: Record<string, unknown>;
}

export interface RepoConfig {
  slug: string;
  name: string;
  /** The domain's slug; null only in single-repo mode. */
  domain: string | null;
  /** `path` as written (single-repo mode: '.'). */
  path: string;
  /** Absolute path of the checkout on this host: host_paths[hostname], else path, against the workspace root. */
  checkout: string;
  host_paths: Record<string, string>;
  remote_url: string | null;
  /** Lowercase hex root commit id, when recorded. */
  fingerprint: string | null;
  description: string | null;
  status: RegistryStatus;
  /** Include globs (DEFAULT_INCLUDE when the registry names none). */
  include: string[];
  /** Effective rule severities for this repo: the workspace's rules overlaid with the repo's own. */
  rules: Record<string, RuleSetting>;
  /** Keys the schema does not know, kept verbatim. */
  extra: Record<string, unknown>;
}

export interface Workspace {
  mode: WorkspaceMode;
  /** Absolute folder: the one holding custodian.yaml, or the git work tree in single-repo mode. */
  root: string;
  /** Absolute path of custodian.yaml (null in single-repo mode). */
  config_file: string | null;
  /** Absolute path of custodian.local.yaml when it exists. */
  local_file: string | null;
  domains: DomainConfig[];
  repos: RepoConfig[];
  /** Workspace-wide rule severities (custodian.local.yaml's over custodian.yaml's). */
  rules: Record<string, RuleSetting>;
  /** Absolute path of the SQLite index. */
  index_path: string;
  /**
   * Who chose index_path. The default location is custodian's own cache (anything found there is
   * rebuilt); a path given by --index or CUSTODIAN_INDEX is written only when it holds no data or
   * a custodian index.
   */
  index_source: IndexSource;
  /** custodian.yaml exactly as read (BOM included), for in-place edits and cache keys; null in single-repo mode. */
  config_text: string | null;
}
