// The --repo / --domain / --status options shared by the list commands, and their translation
// into the api's list filters (which check them against the workspace).
import type { Command } from '@commander-js/extra-typings';
import type { GlobalOptions } from '../program.js';
import type { ListFilters } from '../../api/filters.js';

/** Accumulates a repeatable, comma-separable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** The options every list command takes; `what` names the listed things in the help. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- commander's type for "no options declared yet"
export function listOptions(command: Command<[], {}, GlobalOptions>, what: string, kind: string) {
  return command
    .option('--repo <slug>', `only ${what} of this repo (repeatable, or comma-separated)`, collect)
    .option('--domain <slug>', `only ${what} of this domain's repos (repeatable)`, collect)
    .option('--status <status>', `only ${what} with this status (repeatable; aliases accepted)`, collect)
    .option('--json', `print a ${kind} JSON document`)
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

/** The options listOptions adds. */
export type ListFlags = ReturnType<ReturnType<typeof listOptions>['opts']>;

export function listFilters(flags: ListFlags): ListFilters {
  return { repos: flags.repo, domains: flags.domain, statuses: flags.status };
}
