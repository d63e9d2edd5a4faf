// `repo list|show|find`: answers from the registry alone (no index).
import { hostname } from 'node:os';
import { usageError } from '../errors.js';
import { normaliseRemote } from '../workspace/remote-url.js';
import type { WorkspaceOptions } from './context.js';
import { repoDetail, repoItem, type RepoDetail, type RepoItem } from './items/registry.js';
import { findDomain, findRepo, registryWorkspace } from './registry-context.js';

export interface RepoListOptions extends WorkspaceOptions {
  /** Only the repos of this domain. */
  domain?: string;
}

export interface RepoListDocument {
  schema_version: 1;
  kind: 'repo-list';
  items: RepoItem[];
}

export interface RepoShowOptions extends WorkspaceOptions {
  slug: string;
}

export interface RepoDocument {
  schema_version: 1;
  kind: 'repo';
  repo: RepoDetail;
}

export interface RepoFindOptions extends WorkspaceOptions {
  /** A root commit id, or a prefix of at least 4 hex digits. */
  fingerprint?: string;
  /** A remote URL (compared ignoring a trailing .git or /, and the case of scheme and host). */
  remote?: string;
}

export interface RepoFindDocument {
  schema_version: 1;
  kind: 'repo-find';
  query: { fingerprint: string | null; remote: string | null };
  /** Empty when nothing matches (the CLI's "no": exit 1). */
  items: RepoItem[];
}

export async function repoList(options: RepoListOptions = {}): Promise<RepoListDocument> {
  const ws = await registryWorkspace(options);
  if (options.domain !== undefined) findDomain(ws, options.domain);
  const items = ws.repos.filter((r) => options.domain === undefined || r.domain === options.domain).map(repoItem);
  return { schema_version: 1, kind: 'repo-list', items };
}

/** A repo, with its checkout on this host and whether it exists. */
export async function repoShow(options: RepoShowOptions): Promise<RepoDocument> {
  const ws = await registryWorkspace(options);
  return { schema_version: 1, kind: 'repo', repo: repoDetail(findRepo(ws, options.slug), hostname()) };
}

const PARTIAL_SHA = /^[0-9a-fA-F]{4,64}$/;

/** Repos by fingerprint (a sha or a prefix of one) and/or by remote URL. */
export async function repoFind(options: RepoFindOptions): Promise<RepoFindDocument> {
  const { fingerprint, remote } = options;
  if (fingerprint === undefined && remote === undefined) throw usageError('repo find needs --fingerprint <sha> or --remote <url>');
  if (fingerprint !== undefined && !PARTIAL_SHA.test(fingerprint)) {
    throw usageError(`--fingerprint ${JSON.stringify(fingerprint)}: expected a commit id (4 to 64 hex digits)`);
  }
  const ws = await registryWorkspace(options);
  const sha = fingerprint?.toLowerCase();
  const wanted = remote === undefined ? undefined : normaliseRemote(remote);
  const items = ws.repos
    .filter((r) => sha === undefined || (r.fingerprint !== null && r.fingerprint.startsWith(sha)))
    .filter((r) => wanted === undefined || (r.remote_url !== null && normaliseRemote(r.remote_url) === wanted))
    .map(repoItem);
  return { schema_version: 1, kind: 'repo-find', query: { fingerprint: fingerprint ?? null, remote: remote ?? null }, items };
}
