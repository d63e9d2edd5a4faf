// `custodian doi [<repo>] [--json] [--refresh]`: how well each repo is integrated.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('doi')
    .description('how well each repo is integrated (14 criteria, tiers core/standard/full)')
    .argument('[repo]', 'only this repo (slug)')
    .option('--json', 'print a doi-report JSON document')
    .option('--refresh', 'recompute every criterion, ignoring cached results')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type DoiFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (repo, flags) => (await import('../run/doi.js')).doi(ctx, repo, flags));
}
