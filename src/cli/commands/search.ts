// `custodian search <text>`: full-text search over every planning document and task.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { collect } from '../run/filters.js';

function define(program: Program) {
  return program
    .command('search')
    .description('find tasks, workplans, goals, decisions and interface changes by words in their titles and descriptions')
    .argument('<text...>', 'words to find (every word must match; stems match: "claims" finds "claim"; a trailing * matches a prefix)')
    .option('--repo <slug>', 'only in this repo (repeatable, or comma-separated)', collect)
    .option('--domain <slug>', "only in this domain's repos (repeatable)", collect)
    .option('--kind <kind>', 'only this kind: workplan, task, goal, interface-change, decision (repeatable)', collect)
    .option('--status <status>', 'only with this status, in any kind (repeatable; aliases accepted)', collect)
    .option('--limit <n>', 'at most n results (0: all)', '20')
    .option('--json', 'print a search JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type SearchFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (words, flags) => (await import('../run/search.js')).search(ctx, words.join(' '), flags));
}
