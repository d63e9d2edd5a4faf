// SSRF-safe GET of a published snapshot. Each hop: the scheme must be https (http only for hosts in
// --allow-http-host); the host is resolved here and EVERY address it resolves to must be public
// (or allowed), and the socket is connected to exactly that checked address (a DNS lookup function
// handed to the connection, so nothing resolves twice: no rebinding between check and connect).
// An IP literal (the URL parser has already turned decimal, octal, hex and short IPv4 spellings into
// dotted form) is checked the same way; the socket's remote address is checked again once connected,
// before a byte is sent. Redirects are followed by hand, at most `maxRedirects`, each hop checked
// again. Connect and total timeouts; the body is capped at `maxBytes` while it streams in.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { LookupFunction, Socket } from 'node:net';
import { isIP } from 'node:net';
import { refusal } from './address.js';
import type { FetchPolicy, ResolvedAddress } from './policy.js';

export class FetchError extends Error {}

export interface FetchedText {
  text: string;
  /** The URL the body came from, after redirects. */
  url: string;
}

export async function safeFetchText(url: string, policy: FetchPolicy): Promise<FetchedText> {
  const deadline = Date.now() + policy.totalTimeoutMs;
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const response = await fetchHop(current, policy, deadline);
    if (response.redirect === null) return { text: response.text, url: current.href };
    if (hop >= policy.maxRedirects) throw new FetchError(`too many redirects (more than ${policy.maxRedirects})`);
    current = parseUrl(response.redirect, current);
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError(`not a URL: ${JSON.stringify(text)}`);
  }
  if (url.username !== '' || url.password !== '') throw new FetchError('URLs with credentials are not fetched');
  return url;
}

/** The host as net.connect wants it: `[::1]` → `::1`. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

export function checkScheme(url: URL, policy: Pick<FetchPolicy, 'allowHttpHosts'>): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (policy.allowHttpHosts.has(url.hostname.toLowerCase())) return;
    throw new FetchError(`plain http to ${url.hostname} is not allowed (use https, or list the host in --allow-http-host)`);
  }
  throw new FetchError(`scheme ${url.protocol} is not fetched (only https, and http for --allow-http-host hosts)`);
}

/** Every address of the host, all checked; the first one is the one connected to. */
async function checkedAddresses(host: string, policy: FetchPolicy): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal !== 0) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await policy.resolve(host);
    } catch (error) {
      throw new FetchError(`cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? 'lookup failed'}`);
    }
    if (addresses.length === 0) throw new FetchError(`cannot resolve ${host}: no addresses`);
  }
  for (const { address } of addresses) {
    const why = refusal(address, policy.allowPrivate);
    if (why !== null) throw new FetchError(literal !== 0 ? `refused: ${why}` : `refused: ${host} resolves to ${why}`);
  }
  return addresses;
}

interface HopResult {
  text: string;
  redirect: string | null;
}

async function fetchHop(url: URL, policy: FetchPolicy, deadline: number): Promise<HopResult> {
  checkScheme(url, policy);
  const host = bareHost(url);
  const addresses = await checkedAddresses(host, policy);
  const chosen = addresses[0];
  // Hands net.connect the address checked above, whatever form of lookup it asks for.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [chosen]);
    else callback(null, chosen.address, chosen.family);
  };
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const options: RequestOptions & { servername?: string } = {
    method: 'GET',
    host,
    port: url.port === '' ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers: { accept: 'application/json', 'user-agent': policy.userAgent },
    lookup,
    agent: false,
    ...(isIP(host) === 0 && url.protocol === 'https:' ? { servername: host } : {}),
  };
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw new FetchError(`timed out after ${policy.totalTimeoutMs} ms`);
  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      req.destroy();
      reject(error instanceof FetchError ? error : new FetchError(describeNetworkError(error, url)));
    };
    const total = setTimeout(() => fail(new FetchError(`timed out after ${policy.totalTimeoutMs} ms`)), remaining);
    const connect = setTimeout(() => fail(new FetchError(`could not connect to ${url.host} within ${policy.connectTimeoutMs} ms`)), Math.min(policy.connectTimeoutMs, remaining));
    const req: ClientRequest = request(options, (response) => {
      clearTimeout(connect);
      readResponse(response, policy, url).then(
        (result) => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          resolve(result);
        },
        fail,
      );
    });
    req.on('socket', (socket: Socket) => {
      const verify = () => {
        const why = socket.remoteAddress === undefined ? 'no remote address' : refusal(socket.remoteAddress, policy.allowPrivate);
        if (why !== null) fail(new FetchError(`refused after connecting: ${why}`));
        else if (url.protocol === 'http:') clearTimeout(connect);
      };
      if (socket.connecting) socket.prependOnceListener('connect', verify);
      else verify();
      if (url.protocol === 'https:') socket.once('secureConnect', () => clearTimeout(connect));
    });
    req.on('error', fail);
    req.end();
  });
}

async function readResponse(response: IncomingMessage, policy: FetchPolicy, url: URL): Promise<HopResult> {
  const status = response.statusCode ?? 0;
  if ([301, 302, 303, 307, 308].includes(status)) {
    response.resume();
    const location = response.headers.location;
    if (!location) throw new FetchError(`redirect ${status} from ${url.host} without a Location`);
    return { text: '', redirect: location };
  }
  if (status !== 200) {
    response.resume();
    throw new FetchError(`${url.host} answered HTTP ${status}`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > policy.maxBytes) {
    response.destroy();
    throw new FetchError(`the snapshot is ${declared} bytes, over the ${policy.maxBytes}-byte cap`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > policy.maxBytes) {
      response.destroy();
      throw new FetchError(`the snapshot is over the ${policy.maxBytes}-byte cap`);
    }
    chunks.push(chunk);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)), redirect: null };
  } catch {
    throw new FetchError('the snapshot is not UTF-8 text');
  }
}

function describeNetworkError(error: Error, url: URL): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return `connection refused by ${url.host}`;
  if (code === 'ECONNRESET') return `connection reset by ${url.host}`;
  if (code && code.startsWith('ERR_TLS') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'CERT_HAS_EXPIRED') {
    return `TLS failure with ${url.host}: ${code}`;
  }
  return `fetch from ${url.host} failed: ${code ?? error.message}`;
}
