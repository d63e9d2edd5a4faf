// `custodian workplan list|show`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { listOptions } from '../run/filters.js';

export function register(program: Command, ctx: CliContext): void {
  const workplan = program.command('workplan').description('list and show workplans');
  listOptions(workplan.command('list'), 'workplans', 'workplan-list')
    .description('list workplans with their task counts')
    .action(async (flags) => (await import('../run/workplan-list.js')).workplanList(ctx, flags));
  workplan
    .command('show')
    .description('show one workplan and its tasks')
    .argument('<id>', 'workplan id, or repo:id when the id is used twice')
    .option('--json', 'print a workplan JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (id: string, flags) => (await import('../run/workplan-list.js')).workplanShow(ctx, id, flags));
}
