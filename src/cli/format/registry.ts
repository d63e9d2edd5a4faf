// Domains and repos as JSON items and terminal lines.
import { existsSync } from 'node:fs';
import { pickHostPath } from '../../workspace/checkout.js';
import type { DomainConfig, RepoConfig } from '../../workspace/types.js';
import type { Colors } from '../output.js';

export function domainItem(domain: DomainConfig, repos: readonly RepoConfig[]) {
  return {
    slug: domain.slug,
    name: domain.name,
    description: domain.description,
    status: domain.status,
    repo_slugs: repos.filter((r) => r.domain === domain.slug).map((r) => r.slug),
  };
}

export type DomainItem = ReturnType<typeof domainItem>;

export function repoItem(repo: RepoConfig) {
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

/** A repo with where it lives on this host: which setting chose the checkout, and whether it is there. */
export function repoDetail(repo: RepoConfig, hostname: string) {
  return {
    ...repoItem(repo),
    hostname,
    checkout_from: pickHostPath(repo.host_paths, hostname) === null ? ('path' as const) : ('host_paths' as const),
    checkout_exists: existsSync(repo.checkout),
    extra: repo.extra,
  };
}

export function domainLines(items: readonly DomainItem[], color: Colors): string[] {
  if (items.length === 0) return ['no domains (add one with `custodian domain add <slug> --name <name>`)'];
  const width = Math.max(...items.map((d) => d.slug.length));
  return items.map((d) => {
    const repos = `${d.repo_slugs.length} repo${d.repo_slugs.length === 1 ? '' : 's'}`;
    const line = `${d.slug.padEnd(width)}  ${d.status.padEnd(8)}  ${repos.padEnd(8)}  ${d.name}`;
    return d.status === 'archived' ? color.dim(line) : line;
  });
}

export function repoLines(repos: readonly ReturnType<typeof repoItem>[], color: Colors): string[] {
  if (repos.length === 0) return ['no repos'];
  const slugWidth = Math.max(...repos.map((r) => r.slug.length));
  const domainWidth = Math.max(...repos.map((r) => (r.domain ?? '').length));
  return repos.map((r) => {
    const line = `${r.slug.padEnd(slugWidth)}  ${(r.domain ?? '').padEnd(domainWidth)}  ${r.status.padEnd(8)}  ${r.path}`;
    return r.status === 'archived' ? color.dim(line) : line;
  });
}

/** `key: value` lines with the keys aligned, skipping empty values. */
export function fieldLines(fields: [string, string | null | undefined][]): string[] {
  const shown = fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== undefined && f[1] !== '');
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`);
}
