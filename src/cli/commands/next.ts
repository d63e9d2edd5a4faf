// `custodian next [<repo>]`: the first ready task, with everything an agent needs to start on it.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('next')
    .description('the first ready task (in one repo, or across every repo), with everything an agent needs')
    .argument('[repo]', 'repo slug (default: every repo)')
    .option('--json', 'print a next JSON document ({"task": null} when nothing is ready)')
    .option('--as <name>', "the agent asking: its own in_progress tasks first, then todo tasks nobody else holds")
    .option('--claim', 'claim the task for --as as well, moving on to the next when another agent won it ({"task": null} when none could be had)')
    .option('--push', 'with --claim: commit and push the claim; the remote decides between machines')
    .option('--include-human', 'also consider tasks marked needs_human')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type NextFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (repo, flags) => (await import('../run/next.js')).next(ctx, repo, flags));
}
