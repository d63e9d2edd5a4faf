// `custodian new workplan|task|goal|interface-change|decision`: a document from its template.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { collect } from '../run/filters.js';

function define(program: Program) {
  return program
    .command('new')
    .description('create a workplan, task, goal, interface change or decision from its template, with the next free id')
    .argument('<kind>', 'workplan | task | goal | interface-change | decision')
    .requiredOption('--title <title>', 'its title')
    .option('--repo <slug>', 'the repo to create it in (default: the repo around the current folder, or the only one)')
    .option('--id <id>', "its id (default: the next free one of the repo's sequence, e.g. LEDG-WP-0004)")
    .option('--domain <slug>', "a workplan's domain (default: its repo's), or a goal's (a goal for the whole domain)")
    .option('--status <status>', 'default: draft (workplan, interface change), todo (task), active (goal), proposed (decision)')
    .option('--priority <priority>', "a task's priority (critical, high, medium, low) or a goal's (a whole number, lower first)")
    .option('--depends-on <id>', "a task's dependency (repeatable, or comma-separated)", collect)
    .option('--workplan <id>', "a task file's workplan (default: none, the repo's backlog)")
    .option('--description <text>', 'text for the body')
    .option('--change-type <type>', "an interface change's change_type: breaking, additive, deprecation")
    .option('--interface-type <type>', "an interface change's interface_type: api, cli, schema, event, file")
    .option('--affected-repo <slug>', 'a repo an interface change affects (repeatable, or comma-separated)', collect)
    .option('--dry-run', 'print the new file as a diff, write nothing')
    .option('--json', 'print a new JSON document');
}

export type NewFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (kind, flags) => (await import('../run/new.js')).newDocument(ctx, kind, flags));
}
