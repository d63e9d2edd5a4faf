// Domains and repos as terminal lines, from the api's items.
import type { DomainItem, RepoItem } from '../../api/items/registry.js';
import type { Colors } from '../output.js';

export function domainLines(items: readonly DomainItem[], color: Colors): string[] {
  if (items.length === 0) return ['no domains (add one with `custodian domain add <slug> --name <name>`)'];
  const width = Math.max(...items.map((d) => d.slug.length));
  return items.map((d) => {
    const repos = `${d.repo_slugs.length} repo${d.repo_slugs.length === 1 ? '' : 's'}`;
    const line = `${d.slug.padEnd(width)}  ${d.status.padEnd(8)}  ${repos.padEnd(8)}  ${d.name}`;
    return d.status === 'archived' ? color.dim(line) : line;
  });
}

export function repoLines(repos: readonly RepoItem[], color: Colors): string[] {
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
