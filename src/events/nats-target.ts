// Where events go: NATS_URL (credentials in the URL: `nats://user:pass@host`, or a token as
// `nats://token@host`), NATS_CREDS (a creds file), CUSTODIAN_NATS_SUBJECT_PREFIX. Pure; never
// loads the NATS client, so commands can ask "is publishing configured?" for free.
import type { EventName } from './catalogue.js';
import { eventName } from './catalogue.js';

export const STREAM_NAME = 'CUSTODIAN';
export const DEFAULT_SUBJECT_PREFIX = 'custodian';
/** Connect, stream set-up, each acknowledgement and close wait at most this long. */
export const PUBLISH_TIMEOUT_MS = 2000;
/** No new publish starts after this long; the rest stays pending for the next publish. */
export const PUBLISH_BUDGET_MS = 10_000;
/** JetStream drops a message whose Nats-Msg-Id it saw within this window (at least 2 minutes). */
export const DUPLICATE_WINDOW_MS = 120_000;

export interface NatsTarget {
  /** Servers without their credentials (`nats://host:4222`). */
  servers: string[];
  user?: string;
  pass?: string;
  token?: string;
  creds_file?: string;
  subject_prefix: string;
}

/** The target the environment names; null when NATS_URL is unset or empty. Throws on a malformed URL. */
export function natsTarget(env: NodeJS.ProcessEnv): NatsTarget | null {
  const raw = env.NATS_URL?.trim();
  if (!raw) return null;
  const target: NatsTarget = { servers: [], subject_prefix: env.CUSTODIAN_NATS_SUBJECT_PREFIX?.trim() || DEFAULT_SUBJECT_PREFIX };
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(part) ? part : `nats://${part}`);
    } catch {
      throw new Error(`NATS_URL is not a server URL: ${JSON.stringify(redact(part))}`);
    }
    if (url.username && target.user === undefined && target.token === undefined) {
      const name = decodeURIComponent(url.username);
      if (url.password) {
        target.user = name;
        target.pass = decodeURIComponent(url.password);
      } else target.token = name;
    }
    url.username = '';
    url.password = '';
    target.servers.push(`${url.protocol}//${url.host}`);
  }
  if (env.NATS_CREDS?.trim()) target.creds_file = env.NATS_CREDS.trim();
  return target;
}

/** The subject of an event type: `<prefix>.<type without org.custodian.>`. */
export function subjectOf(type: string, prefix: string): string {
  const name: EventName | null = eventName(type);
  return `${prefix}.${name ?? type}`;
}

/** A URL fit for a message: credentials replaced by `***`. */
export function redact(url: string): string {
  return url.replace(/(\/\/)[^@/]*@/, '$1***@');
}
