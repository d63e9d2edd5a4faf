// The --repo / --domain / --status options shared by the list commands, checked against the
// workspace so a typo is an error rather than an empty answer.
import { notFound, usageError } from '../../errors.js';
import { normaliseStatus } from '../../documents/vocabulary.js';
import type { DocumentKind } from '../../documents/model.js';
import type { Command } from 'commander';
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

/** The options every list command takes; `what` names the listed things in the help. */
export function listOptions(command: Command, what: string, kind: string): Command {
  return command
    .option('--repo <slug>', `only ${what} of this repo (repeatable, or comma-separated)`, collect)
    .option('--domain <slug>', `only ${what} of this domain's repos (repeatable)`, collect)
    .option('--status <status>', `only ${what} with this status (repeatable; aliases accepted)`, collect)
    .option('--json', `print a ${kind} JSON document`)
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
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
