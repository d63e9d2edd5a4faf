// The events commands: flags into the api's options, its documents into output.
import type { EventItem } from '../../api/events.js';
import { apiOptions } from '../api-options.js';
import type { EventsBackfillFlags, EventsListFlags, EventsPublishFlags } from '../commands/events.js';
import type { CliContext } from '../context.js';
import { colors, writeHuman, writeJson, writeMessage } from '../output.js';

export async function eventsList(ctx: CliContext, flags: EventsListFlags): Promise<void> {
  const { listEvents } = await import('../../api/events.js');
  const doc = await listEvents({ ...apiOptions(ctx), pending: flags.pending, since: flags.since, types: flags.type, sync: flags.sync });
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const color = colors();
  writeHuman(doc, (shown) => (shown.items.length ? shown.items.map((e) => eventLine(e, color)) : [flags.pending ? 'no pending events' : 'no events']));
  const pending = doc.items.filter((e) => e.published_at === null).length;
  writeMessage(`${doc.items.length} event${doc.items.length === 1 ? '' : 's'}, ${pending} pending`);
}

function eventLine(e: EventItem, color: ReturnType<typeof colors>): string {
  const change = `${e.data.old_value ?? '(new)'} → ${e.data.new_value}`;
  const state = e.published_at === null ? color.yellow('pending') : color.dim('published');
  return `${e.time}  ${e.type.replace(/^org\.custodian\./, '').padEnd(26)}  ${e.data.repo}  ${e.subject}  ${change}  ${state}`;
}

export async function eventsPublish(ctx: CliContext, flags: EventsPublishFlags): Promise<void> {
  const { publishEvents } = await import('../../api/events.js');
  const doc = await publishEvents(apiOptions(ctx));
  if (flags.json) writeJson(doc);
  else writeMessage(`published ${doc.published} event${doc.published === 1 ? '' : 's'}, ${doc.pending} pending`);
}

export async function eventsBackfill(ctx: CliContext, flags: EventsBackfillFlags): Promise<void> {
  const { backfillEvents } = await import('../../api/events.js');
  const doc = await backfillEvents({ ...apiOptions(ctx), since: flags.since });
  if (flags.json) writeJson(doc);
  else writeMessage(`derived ${doc.derived} new event${doc.derived === 1 ? '' : 's'} since ${doc.since}`);
}
