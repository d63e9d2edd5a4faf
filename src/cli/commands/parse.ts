// `custodian parse FILE… [--json]`: what the parser makes of files, without the index.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('parse')
    .description('show what the parser makes of files (no index); exit 1 when any diagnostic is an error')
    .argument('<files...>', 'Markdown files to parse')
    .option('--json', 'print a parse-report JSON document');
}

export type ParseFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (files, flags) => (await import('../run/parse.js')).parseFiles(ctx, files, flags));
}
