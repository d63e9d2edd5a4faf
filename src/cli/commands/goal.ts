// `custodian goal list|show`.
import type { CliContext } from '../context.js';
import type { Program } from '../program.js';
import { recordCommands, recordGroup } from '../run/record-commands.js';

export function register(program: Program, ctx: CliContext): void {
  recordCommands(recordGroup(program, 'goal', 'list and show goals'), ctx, 'goal');
}
