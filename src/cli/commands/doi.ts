// `custodian doi [<repo>] [--json] [--refresh]`: how well each repo is integrated.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('doi')
    .description('how well each repo is integrated (14 criteria, tiers core/standard/full)')
    .argument('[repo]', 'only this repo (slug)')
    .option('--json', 'print a doi-report JSON document')
    .option('--refresh', 'recompute every criterion, ignoring cached results')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (repo: string | undefined, flags) => (await import('../run/doi.js')).doi(ctx, repo, flags));
}
