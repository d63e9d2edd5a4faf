// `serve`: flags → startHub; one line on stderr when listening, JSON request logs on stderr, and a
// graceful stop on SIGTERM or SIGINT (in-flight requests finish, the store closes, exit 0).
import { usageError } from '../../errors.js';
import { startHub } from '../../hub/start.js';
import { loadTokens } from '../../hub/tokens.js';
import type { ServeFlags } from '../commands/serve.js';
import type { CliContext } from '../context.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'];

export async function serve(_ctx: CliContext, flags: ServeFlags): Promise<void> {
  const port = wholeNumber('--port', flags.port, 65535);
  if (!LEVELS.includes(flags.logLevel)) throw usageError(`--log-level expects one of ${LEVELS.join(', ')}, got ${JSON.stringify(flags.logLevel)}`);
  const tokens = await loadTokens(flags.tokensFile, process.env);
  const hub = await startHub({
    host: flags.host,
    port,
    store: flags.store,
    tokens,
    allowHttpHosts: flags.allowHttpHost,
    allowPrivate: flags.allowPrivate,
    refreshIntervalSeconds: wholeNumber('--refresh-interval', flags.refreshInterval, 86400),
    limits: {
      snapshotBytes: wholeNumber('--max-snapshot-bytes', flags.maxSnapshotBytes, 1024 * 1024 * 1024),
      writesPerWindow: Math.max(1, wholeNumber('--write-rate-limit', flags.writeRateLimit, 1_000_000)),
    },
    trustProxy: flags.trustProxy === true,
    log: flags.logLevel === 'silent' ? null : { stream: process.stderr, level: flags.logLevel },
  });
  const store = /^postgres(ql)?:\/\//i.test(flags.store) ? 'postgres' : `sqlite ${flags.store}`;
  process.stderr.write(`custodian: hub listening on ${hub.url} (store: ${store}; ${tokens.size} write token${tokens.size === 1 ? '' : 's'})\n`);
  if (tokens.size === 0) process.stderr.write('custodian: warning: no write tokens (CUSTODIAN_HUB_TOKENS or --tokens-file): every write is refused\n');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`custodian: ${signal}: stopping the hub (finishing requests in flight)\n`);
      hub.stop().then(
        () => {
          process.stderr.write('custodian: hub stopped\n');
          resolve();
        },
        (error: unknown) => {
          process.stderr.write(`custodian: stopping the hub failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exitCode = 2;
          resolve();
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function wholeNumber(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > max) throw usageError(`${flag} expects a whole number up to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}
