// `custodian workplan list|show`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { collect } from '../run/filters.js';

export function register(program: Command, ctx: CliContext): void {
  const workplan = program.command('workplan').description('list and show workplans');
  workplan
    .command('list')
    .description('list workplans with their task counts')
    .option('--repo <slug>', 'only workplans of this repo (repeatable, or comma-separated)', collect)
    .option('--domain <slug>', "only workplans of this domain's repos (repeatable)", collect)
    .option('--status <status>', 'only workplans with this status (repeatable; aliases accepted)', collect)
    .option('--json', 'print a workplan-list JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (flags) => (await import('../run/workplan-list.js')).workplanList(ctx, flags));
  workplan
    .command('show')
    .description('show one workplan and its tasks')
    .argument('<id>', 'workplan id, or repo:id when the id is used twice')
    .option('--json', 'print a workplan JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (id: string, flags) => (await import('../run/workplan-list.js')).workplanShow(ctx, id, flags));
}
