// `custodian dispatch <repo>`: what to work on now in a repo.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('dispatch')
    .description('what to work on now in a repo: active goal, workstreams, ready tasks, human interventions, interface changes')
    .argument('<repo>', 'repo slug')
    .option('--json', 'print a dispatch JSON document')
    .option('--limit <n>', 'at most n pending tasks per workstream and n ready ids (0: all)', '50')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type DispatchFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (repo, flags) => (await import('../run/dispatch.js')).dispatch(ctx, repo, flags));
}
