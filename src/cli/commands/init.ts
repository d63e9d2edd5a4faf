// `custodian init [DIR]`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create custodian.yaml in a folder and git-ignore the index')
    .argument('[dir]', 'the workspace folder (default: the current folder; created when missing)')
    .option('--json', 'print an init JSON document')
    .action(async (dir: string | undefined, flags) => (await import('../run/init.js')).init(ctx, dir, flags));
}
