// `custodian hub …`: the federation hub's client (--base-url or CUSTODIAN_HUB_URL; writes use
// CUSTODIAN_HUB_TOKEN). Every subcommand ends with the two common options (--base-url, --json).
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

const run = async () => import('../run/hub.js');

type Group = ReturnType<typeof group>;

const BASE_URL = ['--base-url <url>', 'the hub (default: $CUSTODIAN_HUB_URL)'] as const;
const JSON_OUT = ['--json', 'print the JSON document the hub answered'] as const;

function group(program: Program) {
  return program.command('hub').description("the federation hub's client: sources, pushes, compose");
}

function defineStatus(hub: Group) {
  return hub.command('status').description("the hub's health, and whether its view is complete").option(...BASE_URL).option(...JSON_OUT);
}

function defineList(hub: Group) {
  return hub.command('list').description('the sources the hub knows, with their state').option(...BASE_URL).option(...JSON_OUT);
}

function defineShow(hub: Group) {
  return hub.command('show').description('one source').argument('<name>').option(...BASE_URL).option(...JSON_OUT);
}

function defineRegister(hub: Group) {
  return hub
    .command('register')
    .description('register a source: a url the hub fetches, or (without --url) one this workspace pushes')
    .argument('<name>', 'the source name ([a-z0-9_-])')
    .option('--url <url>', 'where the hub fetches the snapshot (https)')
    .option('--domain <slug>', 'the domain the source belongs to')
    .option('--required', 'the view is incomplete without this source')
    .option('--disabled', 'registered but left out of the view')
    .option('--ttl <seconds>', 'how long a fetched snapshot is kept before fetching again')
    .option('--description <text>', 'what the source is')
    .option(...BASE_URL)
    .option(...JSON_OUT);
}

function defineUpdate(hub: Group) {
  return hub
    .command('update')
    .description("change a source's registration")
    .argument('<name>')
    .option('--url <url>', 'fetch the snapshot from here (drops the one held)')
    .option('--push-mode', 'stop fetching: this source is pushed (drops the one held)')
    .option('--domain <slug>', 'the domain the source belongs to')
    .option('--enable', 'put the source back into the view')
    .option('--disable', 'leave the source out of the view')
    .option('--required', 'the view is incomplete without it')
    .option('--optional', 'the view is complete without it')
    .option('--ttl <seconds>', 'how long a fetched snapshot is kept')
    .option('--description <text>', 'what the source is')
    .option(...BASE_URL)
    .option(...JSON_OUT);
}

function defineRemove(hub: Group) {
  return hub.command('remove').description('remove a source and its snapshot').argument('<name>').option(...BASE_URL).option(...JSON_OUT);
}

function definePush(hub: Group) {
  return hub
    .command('push')
    .description("export this workspace's snapshot and upload it to a push source")
    .argument('<name>', 'the source to push to')
    .option('--no-sync', 'export from the index as it is')
    .option(...BASE_URL)
    .option(...JSON_OUT);
}

function defineCompose(hub: Group) {
  return hub
    .command('compose')
    .description('make the hub fetch its url sources now')
    .option('--stale-only', 'only sources past their TTL')
    .option(...BASE_URL)
    .option(...JSON_OUT);
}

export type HubStatusFlags = OptionsOf<ReturnType<typeof defineStatus>>;
export type HubListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type HubShowFlags = OptionsOf<ReturnType<typeof defineShow>>;
export type HubRegisterFlags = OptionsOf<ReturnType<typeof defineRegister>>;
export type HubUpdateFlags = OptionsOf<ReturnType<typeof defineUpdate>>;
export type HubRemoveFlags = OptionsOf<ReturnType<typeof defineRemove>>;
export type HubPushFlags = OptionsOf<ReturnType<typeof definePush>>;
export type HubComposeFlags = OptionsOf<ReturnType<typeof defineCompose>>;

export function register(program: Program, ctx: CliContext): void {
  const hub = group(program);
  defineStatus(hub).action(async (flags) => (await run()).hubStatus(ctx, flags));
  defineList(hub).action(async (flags) => (await run()).hubList(ctx, flags));
  defineShow(hub).action(async (name, flags) => (await run()).hubShow(ctx, name, flags));
  defineRegister(hub).action(async (name, flags) => (await run()).hubRegister(ctx, name, flags));
  defineUpdate(hub).action(async (name, flags) => (await run()).hubUpdate(ctx, name, flags));
  defineRemove(hub).action(async (name, flags) => (await run()).hubRemove(ctx, name, flags));
  definePush(hub).action(async (name, flags) => (await run()).hubPush(ctx, name, flags));
  defineCompose(hub).action(async (flags) => (await run()).hubCompose(ctx, flags));
}
