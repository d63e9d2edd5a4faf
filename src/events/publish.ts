// Sending pending events to NATS JetStream. Loaded only by the commands that publish, and only
// when something is pending: the NATS client is not even imported otherwise. An event is marked
// published once JetStream acknowledges it (a duplicate acknowledgement counts: another clone,
// or an earlier attempt, already delivered it); the first failure stops the run and the rest
// stay pending for the next publish.
//
// Every wait is bounded, by the client's own timeout and by ours around it: the client's connect
// timeout rejects but leaves its socket open when the peer accepted TCP and never sent INFO (and
// a dial still in progress keeps trying for minutes), which kept a finished command alive for
// ever. So each step races PUBLISH_TIMEOUT_MS, the whole run stops starting new publishes after
// PUBLISH_BUDGET_MS, and the sockets opened during the run are destroyed at its end.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { countPending, markPublished, selectEvents, type OutboxDb } from './outbox.js';
import { DUPLICATE_WINDOW_MS, PUBLISH_BUDGET_MS, PUBLISH_TIMEOUT_MS, STREAM_NAME, subjectOf, type NatsTarget } from './nats-target.js';

export interface PublishResult {
  published: number;
  /** Still pending afterwards. */
  pending: number;
  /** Why publishing stopped (null when every pending event was acknowledged). */
  failure: string | null;
}

export interface PublishLimits {
  /** The longest any one wait may take (connect, stream set-up, one acknowledgement, close). */
  timeoutMs: number;
  /** No new publish starts after this long; what is left stays pending. */
  budgetMs: number;
}

const LIMITS: PublishLimits = { timeoutMs: PUBLISH_TIMEOUT_MS, budgetMs: PUBLISH_BUDGET_MS };

export async function publishPending(outbox: OutboxDb, target: NatsTarget, now: () => Date, limits: PublishLimits = LIMITS): Promise<PublishResult> {
  const pending = selectEvents(outbox, { pending: true });
  if (pending.length === 0) return { published: 0, pending: 0, failure: null };
  const started = Date.now();
  const bounded = <T>(what: string, promise: Promise<T>) => within(promise, limits.timeoutMs, what);
  const sockets = socketsOpenedFrom(target);
  let published = 0;
  let failure: string | null = null;
  let nc: { close(): Promise<void> } | null = null;
  try {
    const [{ connect, credsAuthenticator, headers, nanos }, { jetstream, jetstreamManager, JetStreamApiError, JetStreamApiCodes }] = await Promise.all([
      import('@nats-io/transport-node'),
      import('@nats-io/jetstream'),
    ]);
    const connection = await bounded(
      'connecting',
      connect({
        servers: target.servers,
        name: 'custodian',
        timeout: limits.timeoutMs,
        reconnect: false,
        ...(target.user !== undefined ? { user: target.user, pass: target.pass } : {}),
        ...(target.token !== undefined ? { token: target.token } : {}),
        ...(target.creds_file ? { authenticator: credsAuthenticator(readFileSync(target.creds_file)) } : {}),
      }),
    );
    nc = connection;
    const jsm = await bounded('reaching JetStream', jetstreamManager(connection, { timeout: limits.timeoutMs }));
    const found = await bounded(
      `looking up stream ${STREAM_NAME}`,
      jsm.streams.info(STREAM_NAME).then(
        () => true,
        (error: unknown) => {
          if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return false;
          throw error;
        },
      ),
    );
    if (!found) {
      await bounded(
        `creating stream ${STREAM_NAME}`,
        jsm.streams.add({ name: STREAM_NAME, subjects: [`${target.subject_prefix}.>`], duplicate_window: nanos(DUPLICATE_WINDOW_MS) }),
      );
    }
    const js = jetstream(connection, { timeout: limits.timeoutMs });
    for (const { event } of pending) {
      if (Date.now() - started > limits.budgetMs) throw new Error(`publishing took longer than ${seconds(limits.budgetMs)}`);
      const h = headers();
      h.set('Content-Type', 'application/cloudevents+json');
      await bounded(
        'waiting for the acknowledgement',
        js.publish(subjectOf(event.type, target.subject_prefix), JSON.stringify(event), { msgID: event.id, headers: h, timeout: limits.timeoutMs }),
      );
      markPublished(outbox, event.id, now().toISOString());
      published++;
    }
  } catch (error) {
    failure = describe(error);
  } finally {
    if (nc) await bounded('closing', nc.close()).catch(() => undefined);
    sockets.destroy();
  }
  return { published, pending: countPending(outbox), failure };
}

/** `promise`, or a timeout error naming `what` after `ms`. The timer never keeps the process alive. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout (${seconds(ms)}) ${what}`)), ms);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * The TCP sockets opened from now on toward the target's ports (or not connected yet), so that
 * `destroy()` can end those the client left open. Publishing is the only thing a command does
 * while this listens.
 */
function socketsOpenedFrom(target: NatsTarget): { destroy(): void } {
  const ports = new Set(target.servers.map((s) => Number(new URL(s).port || 4222)));
  const opened: Socket[] = [];
  const onSocket = (message: unknown) => {
    const socket = (message as { socket?: Socket }).socket;
    if (socket) opened.push(socket);
  };
  subscribe('net.client.socket', onSocket);
  return {
    destroy() {
      unsubscribe('net.client.socket', onSocket);
      for (const socket of opened) {
        if (!socket.destroyed && (socket.remotePort === undefined || ports.has(socket.remotePort))) socket.destroy();
      }
    },
  };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error && error.cause.message !== error.message ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
