// `custodian serve`: run the federation hub (fastify loads only here).
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function define(program: Program) {
  return program
    .command('serve')
    .description('run the federation hub: sources, composed view, dispatch across workspaces (HTTP)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8787')
    .option('--store <file|url>', 'SQLite file, or postgres://… for several replicas', 'custodian-hub.sqlite')
    .option('--tokens-file <file>', 'write tokens, one per line (default: $CUSTODIAN_HUB_TOKENS)')
    .option('--allow-http-host <host>', 'a host url sources may use plain http with (repeatable)', collect, [] as string[])
    .option('--allow-private <address>', 'a private address or CIDR range url sources may resolve to (repeatable)', collect, [] as string[])
    .option('--refresh-interval <seconds>', 'refresh url sources past their TTL this often (0: only on POST /v1/compose)', '60')
    .option('--max-snapshot-bytes <n>', 'largest snapshot pushed or fetched', String(16 * 1024 * 1024))
    .option('--write-rate-limit <n>', 'write requests per minute per client address', '60')
    .option('--trust-proxy', 'take client addresses from X-Forwarded-For (behind a load balancer)')
    .option('--log-level <level>', 'fatal, error, warn, info or debug (silent: no log)', 'info');
}

export type ServeFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (flags) => (await import('../run/serve.js')).serve(ctx, flags));
}
