// An archived repo (or a repo of an archived domain) is history: its files are still indexed, so
// dependencies on its tasks resolve, but workspace-wide answers (sync's warnings, `next` across
// repos, `doi` of every repo) leave it out. Named explicitly, it still answers.
import type { RepoConfig, Workspace } from './types.js';

export function isArchived(ws: Pick<Workspace, 'domains'>, repo: Pick<RepoConfig, 'status' | 'domain'>): boolean {
  if (repo.status === 'archived') return true;
  return ws.domains.some((d) => d.slug === repo.domain && d.status === 'archived');
}

/** Slugs of the repos still in use, in registry order. */
export function activeRepoSlugs(ws: Pick<Workspace, 'domains' | 'repos'>): string[] {
  return ws.repos.filter((r) => !isArchived(ws, r)).map((r) => r.slug);
}
