// Interface changes a repo must react to: published, not yet resolved, naming it among the
// affected repos. The soonest planned first (undated last), then by publication, repo and id.
import { compareCodePoints } from './order.js';
import type { InterfaceChangeInfo } from './types.js';

export interface PendingInterfaceChange {
  id: string | null;
  repo_slug: string;
  file: string;
  title: string | null;
  status: string | null;
  change_type: string | null;
  interface_type: string | null;
  origin_repo: string;
  affected_repos: string[];
  affected_paths: string[];
  planned_for: string | null;
  published_at: string | null;
}

export function isPendingFor(change: InterfaceChangeInfo, repo: string): boolean {
  return change.status === 'published' && !present(change.fields.resolved_at) && change.affected_repos.includes(repo);
}

export function pendingInterfaceChanges(changes: readonly InterfaceChangeInfo[], repo: string): PendingInterfaceChange[] {
  return changes
    .filter((change) => isPendingFor(change, repo))
    .map(pendingItem)
    .sort(
      (a, b) =>
        compareOptional(a.planned_for, b.planned_for) ||
        compareOptional(a.published_at, b.published_at) ||
        compareCodePoints(a.repo_slug, b.repo_slug) ||
        compareCodePoints(a.id ?? '', b.id ?? '') ||
        compareCodePoints(a.file, b.file),
    );
}

function pendingItem(change: InterfaceChangeInfo): PendingInterfaceChange {
  const f = change.fields;
  return {
    id: change.id,
    repo_slug: change.repo,
    file: change.file,
    title: change.title,
    status: change.status,
    change_type: text(f.change_type),
    interface_type: text(f.interface_type),
    origin_repo: text(f.repo) ?? change.repo,
    affected_repos: change.affected_repos,
    affected_paths: Array.isArray(f.affected_paths) ? f.affected_paths.map(text).filter((p): p is string => p !== null) : [],
    planned_for: text(f.planned_for),
    published_at: text(f.published_at),
  };
}

/** A date field counts when it holds something: `resolved_at:` left empty is not a resolution. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareCodePoints(a, b);
}
