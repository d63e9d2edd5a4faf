// `custodian hub …`: the federation hub's client (--base-url or CUSTODIAN_HUB_URL; writes use
// CUSTODIAN_HUB_TOKEN).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

const run = async () => import('../run/hub.js');

export function register(program: Command, ctx: CliContext): void {
  const hub = program.command('hub').description("the federation hub's client: sources, pushes, compose");
  const common = (command: Command) =>
    command.option('--base-url <url>', 'the hub (default: $CUSTODIAN_HUB_URL)').option('--json', 'print the JSON document the hub answered');

  common(hub.command('status').description("the hub's health, and whether its view is complete")).action(async (flags) => (await run()).hubStatus(ctx, flags));
  common(hub.command('list').description('the sources the hub knows, with their state')).action(async (flags) => (await run()).hubList(ctx, flags));
  common(hub.command('show').description('one source').argument('<name>')).action(async (name, flags) => (await run()).hubShow(ctx, name, flags));
  common(
    hub
      .command('register')
      .description('register a source: a url the hub fetches, or (without --url) one this workspace pushes')
      .argument('<name>', 'the source name ([a-z0-9_-])')
      .option('--url <url>', 'where the hub fetches the snapshot (https)')
      .option('--domain <slug>', 'the domain the source belongs to')
      .option('--required', 'the view is incomplete without this source')
      .option('--disabled', 'registered but left out of the view')
      .option('--ttl <seconds>', 'how long a fetched snapshot is kept before fetching again')
      .option('--description <text>', 'what the source is'),
  ).action(async (name, flags) => (await run()).hubRegister(ctx, name, flags));
  common(
    hub
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
      .option('--description <text>', 'what the source is'),
  ).action(async (name, flags) => (await run()).hubUpdate(ctx, name, flags));
  common(hub.command('remove').description('remove a source and its snapshot').argument('<name>')).action(async (name, flags) => (await run()).hubRemove(ctx, name, flags));
  common(
    hub
      .command('push')
      .description("export this workspace's snapshot and upload it to a push source")
      .argument('<name>', 'the source to push to')
      .option('--no-sync', 'export from the index as it is'),
  ).action(async (name, flags) => (await run()).hubPush(ctx, name, flags));
  common(
    hub.command('compose').description('make the hub fetch its url sources now').option('--stale-only', 'only sources past their TTL'),
  ).action(async (flags) => (await run()).hubCompose(ctx, flags));
}
