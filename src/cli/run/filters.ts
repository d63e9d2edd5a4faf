// The --repo / --domain / --status options shared by the list commands, checked against the
// workspace so a typo is an error rather than an empty answer.
import { notFound, usageError } from '../../errors.js';
import { normaliseStatus } from '../../documents/vocabulary.js';
import type { DocumentKind } from '../../documents/model.js';
import type { Workspace } from '../../workspace/types.js';

export interface ListFlags {
  repo?: string[];
  domain?: string[];
  status?: string[];
}

/** Accumulates a repeatable, comma-separable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** The repo slugs selected by --repo and --domain (undefined: every repo). */
export function selectedRepos(ws: Workspace, flags: ListFlags): string[] | undefined {
  let repos: string[] | undefined;
  if (flags.repo?.length) {
    for (const slug of flags.repo) if (!ws.repos.some((r) => r.slug === slug)) throw notFound(`no repo ${slug} in the workspace (try \`custodian repo list\`)`);
    repos = flags.repo;
  }
  if (flags.domain?.length) {
    for (const slug of flags.domain) if (!ws.domains.some((d) => d.slug === slug)) throw notFound(`no domain ${slug} in the workspace (try \`custodian domain list\`)`);
    const inDomains = ws.repos.filter((r) => r.domain !== null && flags.domain!.includes(r.domain)).map((r) => r.slug);
    repos = repos ? repos.filter((slug) => inDomains.includes(slug)) : inDomains;
  }
  return repos;
}

/** --status values normalised for a kind (aliases accepted); an unknown value is a usage error. */
export function selectedStatuses(kind: DocumentKind, flags: ListFlags): string[] | undefined {
  if (!flags.status?.length) return undefined;
  return flags.status.map((raw) => {
    const { value } = normaliseStatus(kind, raw);
    if (value === null) throw usageError(`unknown ${kind} status ${JSON.stringify(raw)}`);
    return value;
  });
}
