// `custodian graph [<repo>] --format mermaid|dot`: the task dependency graph.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('graph')
    .description('the task dependency graph as a Mermaid flowchart or Graphviz dot')
    .argument('[repo]', 'repo slug (default: the whole workspace, grouped by repo)')
    .option('--format <format>', 'mermaid | dot', 'mermaid')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type GraphFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (repo, flags) => (await import('../run/graph.js')).graph(ctx, repo, flags));
}
