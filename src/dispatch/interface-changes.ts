// Interface changes a repo must react to: published, not yet resolved, naming it among the
// affected repos. The soonest planned first (undated last), then by publication, repo and id.
import { interfaceChangeFields, type InterfaceChangeFields } from '../documents/interface-change.js';
import { compareCodePoints } from './order.js';
import type { InterfaceChangeInfo } from './types.js';

/** In the JSON: id, repo_slug, file, title, status, then the change's fields (pending: no resolved_at). */
export interface PendingInterfaceChange extends Omit<InterfaceChangeFields, 'resolved_at'> {
  id: string | null;
  repo_slug: string;
  file: string;
  title: string | null;
  status: string | null;
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
  const { resolved_at: _pending, ...fields } = interfaceChangeFields(change.fields, change.repo);
  return {
    id: change.id,
    repo_slug: change.repo,
    file: change.file,
    title: change.title,
    status: change.status,
    ...fields,
    // The affected slugs as indexed (the same list the index finds the change by).
    affected_repos: change.affected_repos,
  };
}

/** A date field counts when it holds something: `resolved_at:` left empty is not a resolution. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareCodePoints(a, b);
}
