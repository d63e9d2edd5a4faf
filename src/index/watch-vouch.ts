// A running `custodian sync --watch` can vouch for the index: a read asks it, over a socket beside
// the index, whether any file changed since the watcher's last sync, and when none did, the read's
// no-op check trusts the recorded stamps instead of stat'ing every known file (its largest cost).
// The watcher answers only after a cookie file it creates has come back through its own file
// watch, so every change made before the question was asked has reached it first (git's fsmonitor
// and watchman do the same). Anything short of a clear "nothing changed" — no watcher, a slow one,
// a garbled answer — and the read stats every file as before.
import { lstatSync } from 'node:fs';
import { readMeta, writeMeta, type IndexDb } from './db.js';

/** Past this the read stats its files itself: that costs ~100 ms at 10,000 files, so waiting longer gains nothing. */
export const VOUCH_TIMEOUT_MS = 150;

/** The answer's limit: a watcher's reply is a token and one key per repo. */
const MAX_REPLY_BYTES = 4 << 20;

/** What a watcher vouched for: the index it last synced (its token) and the repos it watches. */
export interface Vouch {
  /** Equal to the index's `watch_token` meta value when the index holds what that sync wrote. */
  token: string;
  /** repoConfigKey of each repo whose files the watcher sees change. */
  repos: ReadonlySet<string>;
}

/** The key under which the watcher records its token in the index's meta table. */
export const WATCH_TOKEN_KEY = 'watch_token';

/**
 * Where a watcher listens: beside the index, so only who may write the index may vouch for it.
 * Null where no watcher can vouch: off Linux (only inotify's single ordered queue is relied on
 * here) and where the path does not fit a socket address (108 bytes with its NUL).
 */
export function vouchSocketPath(indexPath: string): string | null {
  if (process.platform !== 'linux') return null;
  const path = `${indexPath}-watch.sock`;
  return Buffer.byteLength(path) <= 100 ? path : null;
}

/** The folder the watcher writes its cookies to (and watches), beside the socket. */
export function cookieFolder(indexPath: string): string {
  return `${indexPath}-watch.cookies`;
}

/**
 * The folders the watcher does not watch, at any depth: git's own (its writes are no change of a
 * planning file) and installed packages (often huge). Matches a path with `/` or `\\` separators,
 * or a NUL-separated list of them (a repo's recorded files), in which case any one inside such a
 * folder matches.
 */
const UNWATCHED = /(?:^|[\\/\0])(?:\.git|node_modules)(?:[\\/\0]|$)/;

/** True when the path, or one of a NUL-separated list, lies in a folder the watcher does not watch: it cannot vouch for it. */
export function inUnwatchedFolder(paths: string): boolean {
  return UNWATCHED.test(paths);
}

/** What a watcher answered: its vouch, or why there is none (null reason: no watcher to ask). */
export interface WatcherAnswer {
  vouch: Vouch | null;
  reason: string | null;
}

/**
 * Asks the watcher of this index, if one is listening, to vouch for it. No vouch when none answers
 * that nothing changed within `timeoutMs`, with the reason for a debugging caller.
 */
export async function askWatcher(indexPath: string, timeoutMs = VOUCH_TIMEOUT_MS): Promise<WatcherAnswer> {
  const path = vouchSocketPath(indexPath);
  // One stat when nobody watches: the common case costs no socket and no module.
  if (path === null || !lstatSync(path, { throwIfNoEntry: false })?.isSocket()) return { vouch: null, reason: null };
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    let reply = '';
    let settled = false;
    const socket = connect(path);
    const done = (vouch: Vouch | null, reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ vouch, reason });
    };
    const timer = setTimeout(() => done(null, `the watcher did not answer within ${timeoutMs} ms`), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', (error) => done(null, `the watcher cannot be reached: ${error.message}`));
    socket.on('data', (chunk: string) => {
      reply += chunk;
      if (reply.length > MAX_REPLY_BYTES) done(null, 'the watcher answered too much');
      const end = reply.indexOf('\n');
      if (end >= 0) done(...parseReply(reply.slice(0, end)));
    });
    socket.on('end', () => done(null, 'the watcher closed without answering'));
    socket.write(`${JSON.stringify({ ask: 'vouch', version: 1 })}\n`);
  });
}

/** The watcher's one-line answer: `{"vouch":true,"token":…,"repos":[…]}` or `{"vouch":false,"reason":…}`. */
function parseReply(line: string): [Vouch | null, string] {
  let reply: unknown;
  try {
    reply = JSON.parse(line);
  } catch {
    return [null, 'the watcher answered something that is not JSON'];
  }
  if (typeof reply !== 'object' || reply === null) return [null, 'the watcher answered something unexpected'];
  const { vouch, token, repos, reason } = reply as Record<string, unknown>;
  if (vouch !== true) return [null, typeof reason === 'string' ? reason : 'the watcher did not vouch'];
  if (typeof token !== 'string' || token === '' || !Array.isArray(repos) || !repos.every((r) => typeof r === 'string')) return [null, 'the watcher answered something unexpected'];
  return [{ token, repos: new Set(repos as string[]) }, 'vouched'];
}

/** The token the watcher recorded after its last sync that no change overtook (null: none). */
export function watchToken(db: IndexDb): string | null {
  return readMeta(db, WATCH_TOKEN_KEY);
}

/** Records the watcher's token: the index now holds what a sync no change overtook wrote. */
export function recordWatchToken(db: IndexDb, token: string): void {
  writeMeta(db, WATCH_TOKEN_KEY, token);
}
