// How the hub fetches url sources: which hosts may use plain http, which private addresses are
// allowed anyway, and the bounds on a fetch. `resolve` is the DNS step (dns.lookup with all
// addresses by default); every address it gives is checked before one is connected to.
import type { AddressAllowList } from './address.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface FetchPolicy {
  /** Hosts (as the URL names them, lowercase) that may be fetched over plain http. */
  allowHttpHosts: ReadonlySet<string>;
  allowPrivate: AddressAllowList;
  /** Until the connection (and TLS handshake) is up. */
  connectTimeoutMs: number;
  /** For the whole fetch, redirects included. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  resolve(hostname: string): Promise<ResolvedAddress[]>;
  userAgent: string;
}

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 30_000,
  maxBytes: 16 * 1024 * 1024,
  maxRedirects: 3,
} as const;

export async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const { lookup } = await import('node:dns/promises');
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}
