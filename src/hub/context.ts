// What every route plugin of the hub gets: the store, the composed view's cache, the write tokens,
// the fetch policy for url sources, the clock, and the limits it was started with.
import type { FetchPolicy } from './fetch/policy.js';
import type { HubStore } from './store/types.js';
import type { TokenSet } from './tokens.js';
import type { ViewCache } from './view-cache.js';
import type { ComposeReport, Refresher } from './refresh.js';

export interface HubLimits {
  /** Largest request body in bytes, except snapshots. */
  bodyBytes: number;
  /** Largest snapshot (pushed or fetched) in bytes. */
  snapshotBytes: number;
  /** Writes allowed per client address per window. */
  writesPerWindow: number;
  writeWindowMs: number;
}

export interface HubContext {
  store: HubStore;
  views: ViewCache;
  tokens: TokenSet;
  fetchPolicy: FetchPolicy;
  limits: HubLimits;
  refresher: Refresher;
  now(): Date;
  version: string;
}

export type { ComposeReport };
