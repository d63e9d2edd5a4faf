// The hub client behind `custodian hub …`: one function per operation, each returning the JSON
// document the hub answered. Failures become CustodianErrors a person can act on: an unreachable
// hub, a missing or refused token, and the hub's own message for anything it turned down.
import { CustodianError, usageError, type ErrorCode } from '../errors.js';

export interface HubClientOptions {
  /** The hub's base URL (--base-url, else CUSTODIAN_HUB_URL). */
  baseUrl?: string;
  /** Write token (CUSTODIAN_HUB_TOKEN). */
  token?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before a request is given up (default 30 s). */
  timeoutMs?: number;
}

export interface SourceChanges {
  url?: string | null;
  domain?: string | null;
  enabled?: boolean;
  required?: boolean;
  cache_ttl_seconds?: number;
  description?: string | null;
}

const ERROR_CODES: readonly ErrorCode[] = ['usage', 'not-found', 'conflict', 'refused', 'ambiguous', 'invalid-workspace', 'internal'];

export function hubClient(options: HubClientOptions) {
  const env = options.env ?? process.env;
  const base = baseUrl(options.baseUrl ?? env.CUSTODIAN_HUB_URL);
  const token = options.token ?? env.CUSTODIAN_HUB_TOKEN;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const call = async (method: string, path: string, body?: string, write = false): Promise<any> => {
    if (write && !token) throw usageError('this needs a write token: set CUSTODIAN_HUB_TOKEN');
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(write ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CustodianError('internal', `cannot reach the hub at ${base}: ${networkReason(error, timeoutMs)}`);
    }
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CustodianError('internal', `the hub at ${base} answered HTTP ${response.status} with something that is not JSON (is ${base} a custodian hub?)`);
    }
    if (response.ok) return json;
    throw hubError(response.status, json, base);
  };
  const name = (value: string) => encodeURIComponent(value);
  return {
    baseUrl: base,
    health: () => call('GET', '/health'),
    sources: () => call('GET', '/v1/sources'),
    source: (source: string) => call('GET', `/v1/sources/${name(source)}`),
    register: (source: string, settings: SourceChanges) => call('POST', '/v1/sources', JSON.stringify({ name: source, ...settings }), true),
    update: (source: string, changes: SourceChanges) => call('PATCH', `/v1/sources/${name(source)}`, JSON.stringify(changes), true),
    remove: (source: string) => call('DELETE', `/v1/sources/${name(source)}`, undefined, true),
    push: (source: string, snapshotText: string) => call('PUT', `/v1/sources/${name(source)}/snapshot`, snapshotText, true),
    compose: (force: boolean) => call('POST', `/v1/compose${force ? '' : '?force=false'}`, undefined, true),
  };
}

export type HubClient = ReturnType<typeof hubClient>;

function baseUrl(value: string | undefined): string {
  if (!value) throw usageError('no hub given: pass --base-url URL or set CUSTODIAN_HUB_URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--base-url is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`--base-url must be http(s), got ${url.protocol}`);
  return url.href.replace(/\/+$/, '');
}

function hubError(status: number, body: any, base: string): CustodianError {
  const message = typeof body?.message === 'string' ? body.message : `HTTP ${status}`;
  if (status === 401) return new CustodianError('refused', `the hub at ${base} refused: ${message} (set CUSTODIAN_HUB_TOKEN)`);
  if (status === 403) return new CustodianError('refused', `the hub at ${base} refused: ${message} (check CUSTODIAN_HUB_TOKEN)`);
  const code: ErrorCode = ERROR_CODES.includes(body?.code) ? body.code : status >= 500 ? 'internal' : 'usage';
  const { schema_version: _v, kind: _k, code: _c, message: _m, ...details } = body ?? {};
  return new CustodianError(code, `the hub answered ${status}: ${message}`, { details: Object.keys(details).length ? details : undefined });
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
