// `custodian report [--html | --json] [--out FILE] [--limit N]`: the dashboard.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('report')
    .description('the dashboard: one self-contained HTML page (--html) or its data (--json); a summary otherwise')
    .option('--html', 'write the dashboard as one HTML page (inline style, script and data; loads nothing)')
    .option('--json', 'print the report JSON document the page is built from')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--limit <n>', 'at most n items per repo in each list (0: all)', '50')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type ReportFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (flags) => (await import('../run/report.js')).reportCommand(ctx, flags));
}
