// `custodian interface-change list|show|publish|resolve`: read interface changes and move one
// along its lifecycle.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { recordCommands, recordGroup } from '../run/record-commands.js';

type Group = ReturnType<typeof recordGroup>;

function defineTransition(change: Group, verb: 'publish' | 'resolve', description: string) {
  return change
    .command(verb)
    .description(description)
    .argument('<id>', 'interface change id, or repo:id (ids are unique per repo)')
    .option('--json', 'print the interface change as JSON');
}

export type InterfaceChangeFlags = OptionsOf<ReturnType<typeof defineTransition>>;

export function register(program: Program, ctx: CliContext): void {
  const change = recordGroup(program, 'interface-change', 'list, show, publish and resolve interface changes');
  recordCommands(change, ctx, 'interface-change');
  for (const [verb, text] of [
    ['publish', 'set status: published and published_at: today (UTC) in the file, in place'],
    ['resolve', 'set status: resolved and resolved_at: today (UTC) in the file, in place'],
  ] as const) {
    defineTransition(change, verb, text).action(async (id, flags) =>
      (await import('../run/interface-change.js')).interfaceChangeTransition(ctx, verb, id, flags),
    );
  }
}
