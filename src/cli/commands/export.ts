// `custodian export [--out FILE]`: the workspace as one snapshot JSON document.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write a snapshot of the workspace (registry, documents, tasks with readiness, DoI tiers, commits) as JSON')
    .option('--out <file>', 'write the snapshot to this file (atomically) instead of stdout')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (flags) => (await import('../run/export.js')).exportCommand(ctx, flags));
}
