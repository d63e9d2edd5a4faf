// The `list` and `show` subcommands shared by goal, interface-change and decision.
import type { RecordKind } from '../../api/records.js';
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { listOptions } from './filters.js';

const PLURAL: Record<RecordKind, string> = { goal: 'goals', 'interface-change': 'interface changes', decision: 'decisions' };

/** The command group of one record kind (`goal`, `interface-change`, `decision`). */
export function recordGroup(program: Program, kind: RecordKind, description: string) {
  return program.command(kind).description(description);
}

type Group = ReturnType<typeof recordGroup>;

function defineShow(parent: Group, kind: RecordKind) {
  return parent
    .command('show')
    .description(`show one ${kind.replace('-', ' ')} with its text`)
    .argument('<id>', 'id, or repo:id (ids are unique per repo)')
    .option('--json', `print a ${kind} JSON document`)
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type RecordShowFlags = OptionsOf<ReturnType<typeof defineShow>>;

export function recordCommands(parent: Group, ctx: CliContext, kind: RecordKind): void {
  listOptions(parent.command('list'), PLURAL[kind], `${kind}-list`)
    .description(`list ${PLURAL[kind]} (every status unless --status is given)`)
    .action(async (flags) => (await import('./records.js')).recordList(ctx, kind, flags));
  defineShow(parent, kind).action(async (id, flags) => (await import('./records.js')).recordShow(ctx, kind, id, flags));
}
