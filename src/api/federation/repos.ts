// Repos of the federation: the list, and one repo by slug (with its source when two claim it).
import { CustodianError, notFound } from '../../errors.js';
import type { FederatedRepo, FederatedView } from './types.js';

export interface RepoListDocument {
  schema_version: 1;
  kind: 'repo-list';
  items: FederatedRepo[];
}

export interface RepoDocument {
  schema_version: 1;
  kind: 'repo';
  repo: FederatedRepo;
}

export function federatedRepos(view: FederatedView): RepoListDocument {
  return { schema_version: 1, kind: 'repo-list', items: view.document.repos };
}

export function federatedRepo(view: FederatedView, slug: string, source?: string): RepoDocument {
  return { schema_version: 1, kind: 'repo', repo: findRepo(view, slug, source) };
}

/** The repo with this slug; `not-found` when no included source has it, `ambiguous` when several do and no source is named. */
export function findRepo(view: FederatedView, slug: string, source?: string): FederatedRepo {
  const claims = view.document.repos.filter((r) => r.slug === slug);
  const chosen = source === undefined ? claims : claims.filter((r) => r.source === source);
  if (chosen.length === 1) return chosen[0];
  if (chosen.length === 0) {
    const where = source === undefined ? 'in the federation' : `in source ${source}`;
    throw notFound(`no repo ${slug} ${where}${view.document.complete ? '' : ' (the view is incomplete: a required source is missing)'}`);
  }
  throw new CustodianError('ambiguous', `repo ${slug} is claimed by ${chosen.length} sources (${chosen.map((r) => r.source).join(', ')}); name one with ?source=`, {
    details: { candidates: chosen.map((r) => ({ source: r.source, slug: r.slug })) },
  });
}
