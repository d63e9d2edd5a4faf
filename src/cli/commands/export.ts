// `custodian export [--out FILE]`: the workspace as one snapshot JSON document.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('export')
    .description('write a snapshot of the workspace (registry, documents, tasks with readiness, DoI tiers, commits) as JSON')
    .option('--out <file>', 'write the snapshot to this file (atomically) instead of stdout')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type ExportFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (flags) => (await import('../run/export.js')).exportCommand(ctx, flags));
}
