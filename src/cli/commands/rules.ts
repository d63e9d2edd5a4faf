// `custodian rules [--json]`: every check rule with its severity, fixability and documentation.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, _ctx: CliContext): void {
  program
    .command('rules')
    .description('list every check rule with its default severity, whether it is fixable, and its documentation')
    .option('--json', 'print a rule-list JSON document')
    .action(async (flags: { json?: boolean }) => (await import('../run/rules.js')).listRules(flags));
}
