// `custodian next [<repo>]`: the first ready task, with everything an agent needs to start on it.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('next')
    .description('the first ready task (in one repo, or across every repo), with everything an agent needs')
    .argument('[repo]', 'repo slug (default: every repo)')
    .option('--json', 'print a next JSON document ({"task": null} when nothing is ready)')
    .option('--include-human', 'also consider tasks marked needs_human')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (repo: string | undefined, flags) => (await import('../run/next.js')).next(ctx, repo, flags));
}
