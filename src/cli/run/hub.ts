// `hub …`: each subcommand calls the hub client and prints the hub's document (--json) or a view.
import { exportSnapshot } from '../../api/export.js';
import { usageError } from '../../errors.js';
import { hubClient, type SourceChanges } from '../../hub/client.js';
import { snapshotText } from '../../snapshot/text.js';
import { apiOptions } from '../api-options.js';
import type {
  HubComposeFlags,
  HubListFlags,
  HubPushFlags,
  HubRegisterFlags,
  HubRemoveFlags,
  HubShowFlags,
  HubStatusFlags,
  HubUpdateFlags,
} from '../commands/hub.js';
import type { CliContext } from '../context.js';
import { composeLines, sourceDetailLines, sourceLines, statusLines } from '../format/hub.js';
import { colors, writeJson, writeLines } from '../output.js';

/** The options every hub subcommand ends with (--base-url, --json). */
type Common = HubStatusFlags;

const client = (flags: Common) => hubClient({ baseUrl: flags.baseUrl, env: process.env });

function print(flags: Common, doc: unknown, lines: () => string[]): void {
  if (flags.json) writeJson(doc);
  else writeLines(lines());
}

export async function hubStatus(_ctx: CliContext, flags: Common): Promise<void> {
  const hub = client(flags);
  const [health, sources] = await Promise.all([hub.health(), hub.sources()]);
  const doc = { schema_version: 1, kind: 'hub-status', base_url: hub.baseUrl, health, complete: sources.complete, sources: sources.items.length };
  print(flags, doc, () => statusLines(hub.baseUrl, health, sources, colors()));
}

export async function hubList(_ctx: CliContext, flags: HubListFlags): Promise<void> {
  const doc = await client(flags).sources();
  print(flags, doc, () => sourceLines(doc, colors()));
}

export async function hubShow(_ctx: CliContext, name: string, flags: HubShowFlags): Promise<void> {
  const doc = await client(flags).source(name);
  print(flags, doc, () => sourceDetailLines(doc.source));
}

export async function hubRegister(_ctx: CliContext, name: string, flags: HubRegisterFlags): Promise<void> {
  const settings: SourceChanges = {
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    ...(flags.domain !== undefined ? { domain: flags.domain } : {}),
    ...(flags.required ? { required: true } : {}),
    ...(flags.disabled ? { enabled: false } : {}),
    ...(flags.ttl !== undefined ? { cache_ttl_seconds: seconds(flags.ttl) } : {}),
    ...(flags.description !== undefined ? { description: flags.description } : {}),
  };
  const doc = await client(flags).register(name, settings);
  print(flags, doc, () => [`registered ${name}`, ...sourceDetailLines(doc.source)]);
}

export async function hubUpdate(_ctx: CliContext, name: string, flags: HubUpdateFlags): Promise<void> {
  if (flags.url !== undefined && flags.pushMode) throw usageError('--url and --push-mode contradict each other');
  if (flags.enable && flags.disable) throw usageError('--enable and --disable contradict each other');
  if (flags.required && flags.optional) throw usageError('--required and --optional contradict each other');
  const changes: SourceChanges = {
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    ...(flags.pushMode ? { url: null } : {}),
    ...(flags.domain !== undefined ? { domain: flags.domain } : {}),
    ...(flags.enable ? { enabled: true } : {}),
    ...(flags.disable ? { enabled: false } : {}),
    ...(flags.required ? { required: true } : {}),
    ...(flags.optional ? { required: false } : {}),
    ...(flags.ttl !== undefined ? { cache_ttl_seconds: seconds(flags.ttl) } : {}),
    ...(flags.description !== undefined ? { description: flags.description } : {}),
  };
  if (Object.keys(changes).length === 0) throw usageError('nothing to change: pass --url, --push-mode, --domain, --enable, --disable, --required, --optional, --ttl or --description');
  const doc = await client(flags).update(name, changes);
  print(flags, doc, () => [`updated ${name}`, ...sourceDetailLines(doc.source)]);
}

export async function hubRemove(_ctx: CliContext, name: string, flags: HubRemoveFlags): Promise<void> {
  const doc = await client(flags).remove(name);
  print(flags, doc, () => [`removed ${name}`]);
}

export async function hubPush(ctx: CliContext, name: string, flags: HubPushFlags): Promise<void> {
  const hub = client(flags);
  const snapshot = await exportSnapshot({ ...apiOptions(ctx), sync: flags.sync });
  const doc = await hub.push(name, snapshotText(snapshot));
  print(flags, doc, () => [`pushed ${snapshot.repos.length} repos, ${snapshot.tasks.length} tasks to ${name} at ${hub.baseUrl}`, ...sourceDetailLines(doc.source)]);
}

export async function hubCompose(_ctx: CliContext, flags: HubComposeFlags): Promise<void> {
  const doc = await client(flags).compose(flags.staleOnly !== true);
  print(flags, doc, () => composeLines(doc, colors()));
}

function seconds(value: string): number {
  if (!/^\d+$/.test(value)) throw usageError(`--ttl expects whole seconds, got ${JSON.stringify(value)}`);
  return Number(value);
}
