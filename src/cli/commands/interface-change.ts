// `custodian interface-change publish|resolve <id>`: move an interface change along its lifecycle.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  const change = program.command('interface-change').description('publish and resolve interface changes');
  for (const [verb, text] of [
    ['publish', 'set status: published and published_at: today (UTC) in the file, in place'],
    ['resolve', 'set status: resolved and resolved_at: today (UTC) in the file, in place'],
  ] as const) {
    change
      .command(verb)
      .description(text)
      .argument('<id>', 'interface change id, or repo:id (ids are unique per repo)')
      .option('--json', 'print the interface change as JSON')
      .action(async (id: string, flags) => (await import('../run/interface-change.js')).interfaceChangeTransition(ctx, verb, id, flags));
  }
}
