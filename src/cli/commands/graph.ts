// `custodian graph [<repo>] --format mermaid|dot`: the task dependency graph.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('graph')
    .description('the task dependency graph as a Mermaid flowchart or Graphviz dot')
    .argument('[repo]', 'repo slug (default: the whole workspace, grouped by repo)')
    .option('--format <format>', 'mermaid | dot', 'mermaid')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (repo: string | undefined, flags) => (await import('../run/graph.js')).graph(ctx, repo, flags));
}
