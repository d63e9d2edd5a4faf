// Where a registered repo lives on this machine: host_paths[<hostname>], else path, resolved
// against the workspace folder.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The host path for `hostname`: an exact key first, then one that differs only in case, then
 * one whose short name (before the first dot) matches, because machines report `box` or
 * `box.example.org` depending on their resolver.
 */
export function pickHostPath(hostPaths: Record<string, string>, hostname: string): string | null {
  if (Object.hasOwn(hostPaths, hostname)) return hostPaths[hostname];
  const lower = hostname.toLowerCase();
  const short = lower.split('.')[0];
  let shortMatch: string | null = null;
  for (const [host, path] of Object.entries(hostPaths)) {
    const hostLower = host.toLowerCase();
    if (hostLower === lower) return path;
    if (shortMatch === null && hostLower.split('.')[0] === short) shortMatch = path;
  }
  return shortMatch;
}

/** Absolute checkout path; a leading `~/` means the home folder. */
export function resolveCheckout(
  repo: { path: string; host_paths: Record<string, string> },
  root: string,
  hostname: string,
  home: string = homedir(),
): string {
  const chosen = pickHostPath(repo.host_paths, hostname) ?? repo.path;
  const expanded = chosen === '~' ? home : chosen.startsWith('~/') ? join(home, chosen.slice(2)) : chosen;
  return isAbsolute(expanded) ? resolve(expanded) : resolve(root, expanded);
}
