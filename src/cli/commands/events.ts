// `custodian events [--pending] [--since] [--type] [--json]`, `events backfill --since DATE`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { collect } from '../run/filters.js';

export function register(program: Command, ctx: CliContext): void {
  const events = program.command('events').description('lifecycle events derived from commits: list the outbox, backfill');
  // The list is the default subcommand (`custodian events --pending`), so `events backfill --since`
  // and `events --since` each reach their own --since.
  events
    .command('list', { isDefault: true })
    .description('list derived events (the default: `custodian events` is `custodian events list`)')
    .option('--pending', 'only events not yet acknowledged by JetStream')
    .option('--since <date>', 'only events at or after this date or time (ISO 8601)')
    .option('--type <type>', 'only events of this type, e.g. task.completed (repeatable, or comma-separated)', collect)
    .option('--json', 'print an event-list JSON document')
    .option('--no-sync', 'answer from the outbox as it is, without syncing and deriving first')
    .action(async (flags) => (await import('../run/events.js')).eventsList(ctx, flags));
  events
    .command('backfill')
    .description('derive the events of past commits on purpose (a first sync derives none)')
    .requiredOption('--since <date>', 'derive events of commits at or after this date (ISO 8601)')
    .option('--json', 'print an event-backfill JSON document')
    .action(async (flags) => (await import('../run/events.js')).eventsBackfill(ctx, flags));
}
