// `custodian rules [--json]`: every check rule with its severity, fixability and documentation.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('rules')
    .description('list every check rule with its default severity, whether it is fixable, and its documentation')
    .option('--json', 'print a rule-list JSON document');
}

export type RulesFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, _ctx: CliContext): void {
  define(program).action(async (flags) => (await import('../run/rules.js')).listRules(flags));
}
