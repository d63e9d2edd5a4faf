// Starting and stopping a hub: open (and migrate) the store, build the server, listen, refresh url
// sources on an interval; `stop` drains in-flight requests, then closes the store.
import { VERSION } from '../version.js';
import type { HubContext, HubLimits } from './context.js';
import { AddressAllowList } from './fetch/address.js';
import { FETCH_DEFAULTS, systemResolve, type FetchPolicy, type ResolvedAddress } from './fetch/policy.js';
import { createRefresher } from './refresh.js';
import { buildHubServer, type HubServerOptions } from './server.js';
import { openStore } from './store/open.js';
import type { TokenSet } from './tokens.js';
import { ViewCache } from './view-cache.js';

export interface StartHubOptions {
  host: string;
  port: number;
  /** A SQLite file, or a postgres:// URL. */
  store: string;
  tokens: TokenSet;
  allowHttpHosts: readonly string[];
  allowPrivate: readonly string[];
  limits?: Partial<HubLimits>;
  fetch?: Partial<Pick<FetchPolicy, 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxRedirects'>>;
  /** Seconds between refreshes of url sources past their TTL (0: only POST /v1/compose refreshes). */
  refreshIntervalSeconds: number;
  log: HubServerOptions['log'];
  trustProxy?: boolean;
  /** DNS for url sources (default: the system resolver). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  now?: () => Date;
}

export interface RunningHub {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  context: HubContext;
  stop(): Promise<void>;
}

export const DEFAULT_LIMITS: HubLimits = {
  bodyBytes: 64 * 1024,
  snapshotBytes: FETCH_DEFAULTS.maxBytes,
  writesPerWindow: 60,
  writeWindowMs: 60_000,
};

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fetchPolicy: FetchPolicy = {
    allowHttpHosts: new Set(options.allowHttpHosts.map((h) => h.toLowerCase())),
    allowPrivate: new AddressAllowList(options.allowPrivate),
    connectTimeoutMs: options.fetch?.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.fetch?.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs,
    maxRedirects: options.fetch?.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    maxBytes: limits.snapshotBytes,
    resolve: options.resolve ?? systemResolve,
    userAgent: `custodian-hub/${VERSION}`,
  };
  const now = options.now ?? (() => new Date());
  const store = await openStore(options.store);
  const context: HubContext = {
    store,
    views: new ViewCache(store),
    tokens: options.tokens,
    fetchPolicy,
    limits,
    refresher: createRefresher(store, fetchPolicy, now),
    now,
    version: VERSION,
  };
  let app;
  try {
    app = await buildHubServer(context, { log: options.log, trustProxy: options.trustProxy ?? false });
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let timer: NodeJS.Timeout | null = null;
  const refresh = () =>
    context.refresher.refresh({ force: false }).catch((error: unknown) => app.log.error({ err: error }, 'refreshing url sources failed'));
  if (options.refreshIntervalSeconds > 0) {
    timer = setInterval(() => void refresh(), options.refreshIntervalSeconds * 1000);
    timer.unref();
    void refresh();
  }
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    context,
    stop() {
      stopping ??= (async () => {
        if (timer) clearInterval(timer);
        await app.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
