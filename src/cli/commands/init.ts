// `custodian init [DIR]`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('init')
    .description('create custodian.yaml in a folder and git-ignore the index')
    .argument('[dir]', 'the workspace folder (default: the current folder; created when missing)')
    .option('--json', 'print an init JSON document');
}

export type InitFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (dir, flags) => (await import('../run/init.js')).init(ctx, dir, flags));
}
