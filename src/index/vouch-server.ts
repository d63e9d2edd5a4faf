// The watcher's side of watch-vouch.ts: a socket beside the index that answers whether any file
// changed since the watcher's last sync. Before saying "nothing", it writes a cookie file into a
// folder it watches and waits for that file's own event: the kernel queues file events in the
// order they happen, and this process reads them all from one queue (libuv keeps one inotify
// instance per event loop), so once the cookie's event is here, so is every event of a change
// made before the question was asked.
import { lstatSync, mkdirSync, rmSync, unlinkSync, watch as watchFolder, writeFileSync, type FSWatcher } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { cookieFolder, vouchSocketPath } from './watch-vouch.js';

/** How long a cookie may take to come back before the watcher gives up vouching for this question. */
const COOKIE_TIMEOUT_MS = 1_000;

/** A question is one short line; anything longer is not one. */
const MAX_QUESTION_BYTES = 4_096;

export interface VouchSource {
  /** Why the watcher cannot vouch now (a change not synced yet, not ready, broken); null when it can. */
  doubt(): string | null;
  /** What it vouches for: the token it recorded in the index and the repos it watches. */
  vouch(): { token: string; repos: string[] };
}

export interface VouchServer {
  close(): Promise<void>;
}

/**
 * Listens beside the index at `indexPath`. Null where no watcher can vouch (watch-vouch.ts), where
 * another watcher already answers for this index or the socket cannot be made (a folder this user
 * may not write); `onProblem` says why when that is news.
 */
export async function serveVouches(indexPath: string, source: VouchSource, onProblem: (message: string) => void): Promise<VouchServer | null> {
  const socketPath = vouchSocketPath(indexPath);
  if (socketPath === null) {
    // Off Linux no watcher vouches (README); on Linux only a path too long for a socket stops it.
    if (process.platform === 'linux') onProblem(`reads will stat every file: the index path is too long for the watcher's socket (${indexPath})`);
    return null;
  }
  const cookies = cookieFolder(indexPath);
  const waiting = new Map<string, () => void>();
  // Set once the socket is ours (another watcher's cookie folder is never touched); unset when
  // the watch on it fails: no cookie can come back then, and no question is kept waiting for one.
  let cookieWatch: FSWatcher | null = null;
  let cookiesMade = 0;
  const cookieBack = async (): Promise<boolean> => {
    const name = `${process.pid}-${++cookiesMade}`;
    const back = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), COOKIE_TIMEOUT_MS);
      waiting.set(name, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      writeFileSync(join(cookies, name), '', { flag: 'wx' });
    } catch {
      waiting.delete(name);
      return false;
    }
    const came = await back;
    waiting.delete(name);
    rmSync(join(cookies, name), { force: true });
    return came;
  };
  const answer = async (socket: Socket, question: string) => {
    let asked: unknown;
    try {
      asked = JSON.parse(question);
    } catch {
      asked = null;
    }
    if ((asked as { ask?: unknown } | null)?.ask !== 'vouch') return reply(socket, { vouch: false, reason: 'not a question this watcher answers' });
    const before = cookieWatch === null ? 'the watcher cannot watch its cookie folder' : source.doubt();
    if (before !== null) return reply(socket, { vouch: false, reason: before });
    if (!(await cookieBack())) return reply(socket, { vouch: false, reason: 'the watcher did not see its own cookie in time' });
    // Every change made before the question has reached the watcher by now: has any come since its last sync?
    const after = source.doubt();
    reply(socket, after === null ? { vouch: true, ...source.vouch() } : { vouch: false, reason: after });
  };
  const server = createServer((socket) => {
    let question = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      if (question.includes('\n')) return;
      question += chunk;
      if (question.length > MAX_QUESTION_BYTES) return void socket.destroy();
      const end = question.indexOf('\n');
      if (end >= 0) answer(socket, question.slice(0, end)).catch(() => reply(socket, { vouch: false, reason: 'the watcher failed to answer' }));
    });
  });
  const refused = await listen(server, socketPath);
  if (refused !== null) {
    onProblem(refused);
    return null;
  }
  // Once listening, a failure to accept (too many open files) is the server's 'error': no question
  // is answered then (readers stat their files), and watching goes on.
  server.on('error', (error) => onProblem(`reads will stat every file for now: ${error.message}`));
  const socketIno = lstatSync(socketPath).ino;
  const close = async () => {
    cookieWatch?.close();
    cookieWatch = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Only our own socket: another watcher may have taken the path over since.
    if (lstatSync(socketPath, { throwIfNoEntry: false })?.ino === socketIno) unlinkSync(socketPath);
    rmSync(cookies, { recursive: true, force: true });
  };
  try {
    // A killed watcher's cookies are left behind: the folder starts empty.
    rmSync(cookies, { recursive: true, force: true });
    mkdirSync(cookies, { recursive: true });
    cookieWatch = watchFolder(cookies, (_event, name) => {
      if (typeof name === 'string') waiting.get(name)?.();
    });
  } catch (error) {
    await close();
    onProblem(`reads will stat every file: cannot watch ${cookies}: ${(error as Error).message}`);
    return null;
  }
  cookieWatch.on('error', () => {
    cookieWatch?.close();
    cookieWatch = null;
  });
  return { close };
}

function reply(socket: Socket, answer: object): void {
  if (!socket.destroyed) socket.end(`${JSON.stringify(answer)}\n`);
}

/**
 * Listens at `path`: null once listening, else why not (a notice). A socket file left by a
 * watcher that died is replaced; one that still answers belongs to a live watcher.
 */
async function listen(server: Server, path: string): Promise<string | null> {
  const attempt = () =>
    new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen(path, () => {
        server.off('error', resolve);
        resolve(null);
      });
    });
  const cannot = (why: string) => `reads will stat every file: the watcher cannot listen at ${path} (${why})`;
  const first = await attempt();
  if (first === null) return null;
  if (first.code !== 'EADDRINUSE') return cannot(first.code ?? first.message);
  // Only a socket is ever replaced: whatever else sits there is not ours to remove.
  if (!lstatSync(path, { throwIfNoEntry: false })?.isSocket()) return cannot('something other than a socket is there');
  if (await someoneListens(path)) return `another watcher answers for this index (${path}): this one will not vouch`;
  rmSync(path, { force: true });
  const second = await attempt();
  return second === null ? null : cannot(second.code ?? second.message);
}

function someoneListens(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
