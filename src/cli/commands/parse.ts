// `custodian parse FILE… [--json]`: what the parser makes of files, without the index.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('parse')
    .description('show what the parser makes of files (no index); exit 1 when any diagnostic is an error')
    .argument('<files...>', 'Markdown files to parse')
    .option('--json', 'print a parse-report JSON document')
    .action(async (files: string[], flags: { json?: boolean }) => (await import('../run/parse.js')).parseFiles(ctx, files, flags));
}
