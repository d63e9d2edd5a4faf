// The repo / domain / status filters of the list operations, checked against the workspace so a
// typo is an error rather than an empty answer.
import type { DocumentKind } from '../documents/model.js';
import { normaliseStatus } from '../documents/vocabulary.js';
import { notFound, unknownRepo, usageError } from '../errors.js';
import type { Workspace } from '../workspace/types.js';

export interface ListFilters {
  /** Only these repos (slugs). */
  repos?: string[];
  /** Only the repos of these domains (slugs). */
  domains?: string[];
  /** Only these statuses (aliases accepted). */
  statuses?: string[];
}

/** The repo slugs the filters select (undefined: every repo). */
export function selectedRepos(ws: Workspace, filters: ListFilters): string[] | undefined {
  let repos: string[] | undefined;
  if (filters.repos?.length) {
    for (const slug of filters.repos) if (!ws.repos.some((r) => r.slug === slug)) throw unknownRepo(slug);
    repos = filters.repos;
  }
  if (filters.domains?.length) {
    for (const slug of filters.domains) if (!ws.domains.some((d) => d.slug === slug)) throw notFound(`no domain ${slug} in the workspace (try \`custodian domain list\`)`);
    const inDomains = ws.repos.filter((r) => r.domain !== null && filters.domains!.includes(r.domain)).map((r) => r.slug);
    repos = repos ? repos.filter((slug) => inDomains.includes(slug)) : inDomains;
  }
  return repos;
}

/** The statuses normalised for a kind (aliases accepted); an unknown value is a usage error. */
export function selectedStatuses(kind: DocumentKind, filters: ListFilters): string[] | undefined {
  if (!filters.statuses?.length) return undefined;
  return filters.statuses.map((raw) => {
    const { value } = normaliseStatus(kind, raw);
    if (value === null) throw usageError(`unknown ${kind} status ${JSON.stringify(raw)}`);
    return value;
  });
}

/** A repo given by slug must be registered. */
export function requireRepo(ws: Workspace, slug: string | undefined): void {
  if (slug !== undefined && !ws.repos.some((r) => r.slug === slug)) throw unknownRepo(slug);
}


