// Domains and repos as JSON items.
import { existsSync } from 'node:fs';
import { pickHostPath } from '../../workspace/checkout.js';
import type { DomainConfig, RegistryStatus, RepoConfig } from '../../workspace/types.js';

export interface DomainItem {
  slug: string;
  name: string;
  description: string | null;
  status: RegistryStatus;
  repo_slugs: string[];
}

export interface RepoItem {
  slug: string;
  name: string;
  domain: string | null;
  /** As the registry writes it. */
  path: string;
  /** Absolute path of the checkout on this host. */
  checkout: string;
  host_paths: Record<string, string>;
  remote_url: string | null;
  fingerprint: string | null;
  description: string | null;
  status: RegistryStatus;
  include: string[];
}

/** A repo with where it lives on this host: which setting chose the checkout, and whether it is there. */
export interface RepoDetail extends RepoItem {
  hostname: string;
  checkout_from: 'path' | 'host_paths';
  checkout_exists: boolean;
  extra: Record<string, unknown>;
}

export function domainItem(domain: DomainConfig, repos: readonly RepoConfig[]): DomainItem {
  return {
    slug: domain.slug,
    name: domain.name,
    description: domain.description,
    status: domain.status,
    repo_slugs: repos.filter((r) => r.domain === domain.slug).map((r) => r.slug),
  };
}

export function repoItem(repo: RepoConfig): RepoItem {
  return {
    slug: repo.slug,
    name: repo.name,
    domain: repo.domain,
    path: repo.path,
    checkout: repo.checkout,
    host_paths: repo.host_paths,
    remote_url: repo.remote_url,
    fingerprint: repo.fingerprint,
    description: repo.description,
    status: repo.status,
    include: repo.include,
  };
}

export function repoDetail(repo: RepoConfig, hostname: string): RepoDetail {
  return {
    ...repoItem(repo),
    hostname,
    checkout_from: pickHostPath(repo.host_paths, hostname) === null ? 'path' : 'host_paths',
    checkout_exists: existsSync(repo.checkout),
    extra: repo.extra,
  };
}
