// `custodian events [--pending] [--since] [--type] [--json]`, `events publish`, `events backfill --since DATE`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { collect } from '../run/filters.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('events').description('lifecycle events derived from commits: list the outbox, publish to NATS JetStream, backfill');
}

// The list is the default subcommand (`custodian events --pending`), so `events backfill --since`
// and `events --since` each reach their own --since.
function defineList(events: Group) {
  return events
    .command('list', { isDefault: true })
    .description('list derived events (the default: `custodian events` is `custodian events list`)')
    .option('--pending', 'only events not yet acknowledged by JetStream')
    .option('--since <date>', 'only events at or after this date or time (ISO 8601)')
    .option('--type <type>', 'only events of this type, e.g. task.completed (repeatable, or comma-separated)', collect)
    .option('--json', 'print an event-list JSON document')
    .option('--no-sync', 'answer from the outbox as it is, without syncing and deriving first');
}

function definePublish(events: Group) {
  return events
    .command('publish')
    .description('send every pending event to NATS JetStream ($NATS_URL, credentials in the URL or $NATS_CREDS)')
    .option('--json', 'print an event-publish JSON document');
}

function defineBackfill(events: Group) {
  return events
    .command('backfill')
    .description('derive the events of past commits on purpose (a first sync derives none)')
    .requiredOption('--since <date>', 'derive events of commits at or after this date (ISO 8601)')
    .option('--json', 'print an event-backfill JSON document');
}

export type EventsListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type EventsPublishFlags = OptionsOf<ReturnType<typeof definePublish>>;
export type EventsBackfillFlags = OptionsOf<ReturnType<typeof defineBackfill>>;

export function register(program: Program, ctx: CliContext): void {
  const events = group(program);
  defineList(events).action(async (flags) => (await import('../run/events.js')).eventsList(ctx, flags));
  definePublish(events).action(async (flags) => (await import('../run/events.js')).eventsPublish(ctx, flags));
  defineBackfill(events).action(async (flags) => (await import('../run/events.js')).eventsBackfill(ctx, flags));
}
