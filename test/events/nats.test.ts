// Publishing to a real nats-server with JetStream (no mock): subjects, headers and payloads read
// back from the stream; de-duplication across clones; a server that is down, refuses the
// credentials, never answers, or restarts in the middle of a publish. Every CLI run here is a
// bounded asynchronous subprocess (runCliAsync with a timeout): a command that hangs fails its
// test instead of blocking the vitest worker, and servers in this process keep answering.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/system-binary.js';
import { CLI, git, gitEnv, PROJECT_ROOT, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { nats, startNats, type NatsServer } from './nats.js';
import { cli, cliJson, commitFiles, daysBefore, eventsAsync as events, HANG_MS, NOW, registry, repoWith, TEST_MS, workplan, workspaceRepo } from './workspace.js';

afterAll(removeTempDirs);

const env = { CUSTODIAN_NOW: NOW };

/** A workspace whose first sync is done, then `tasks` tasks completed in one commit: that many pending events. */
async function workspaceWithEvents(tasks = 2): Promise<{ root: string; alpha: string }> {
  const ids = Array.from({ length: tasks }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
  const alpha = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', ids.map((t) => [t, 'todo'])) });
  const root = workspaceRepo([{ slug: 'alpha', dir: alpha }]);
  expect((await cli(['-w', root, 'sync'])).code).toBe(0);
  commitFiles(alpha, { 'workplans/WP-1.md': workplan('WP-1', 'active', ids.map((t) => [t, 'done'])) }, 'done', daysBefore(1));
  return { root, alpha };
}

interface StreamMessage {
  subject: string;
  headers: Record<string, string>;
  json: any;
}

/** Every message of the CUSTODIAN stream, read back with the official client. */
async function readStream(url: string, auth: { user?: string; pass?: string } = {}): Promise<{ config: any; messages: StreamMessage[] } | null> {
  const nc = await connect({ servers: url, ...auth });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('CUSTODIAN').catch(() => null);
    if (!info) return null;
    const messages: StreamMessage[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage('CUSTODIAN', { seq });
      if (!m) continue;
      const headers: Record<string, string> = {};
      for (const [key] of m.header ?? []) headers[key] = m.header!.get(key);
      messages.push({ subject: m.subject, headers, json: m.json() });
    }
    return { config: info.config, messages };
  } finally {
    await nc.close();
  }
}

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('custodian: warning:'));

describe.skipIf(!nats.available)('publishing to NATS JetStream', { timeout: TEST_MS }, () => {
  let server: NatsServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('an explicit sync publishes pending events: subject, headers, CloudEvents payload; the stream is created; a read command never publishes', async () => {
    server = await startNats();
    const { root } = await workspaceWithEvents(2);
    const withNats = { NATS_URL: server.url };
    expect((await cli(['-w', root, 'next', '--json'], withNats)).code).toBe(0);
    expect(await readStream(server.url)).toBeNull();
    expect(await events(root, ['--pending', '--no-sync'])).toHaveLength(2);

    const sync = await cli(['-w', root, 'sync'], withNats);
    expect(sync.code).toBe(0);
    expect(warnings(sync.stderr)).toEqual([]);
    const stream = (await readStream(server.url))!;
    expect(stream.config.subjects).toEqual(['custodian.>']);
    expect(stream.config.duplicate_window).toBeGreaterThanOrEqual(120 * 1e9);
    const list = await events(root, ['--no-sync']);
    expect(list.every((e) => e.published_at !== null)).toBe(true);
    const schema = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'event.schema.json'), 'utf8')));
    expect(stream.messages.map((m) => m.subject)).toEqual(['custodian.task.completed', 'custodian.task.completed']);
    stream.messages.forEach((m, i) => {
      const { published_at, ...event } = list[i];
      expect(m.headers['Nats-Msg-Id']).toBe(event.id);
      expect(m.headers['Content-Type']).toBe('application/cloudevents+json');
      expect(m.json).toEqual(event);
      expect(schema(m.json)).toBe(true);
    });

    // Nothing pending: the next sync publishes nothing.
    expect((await cli(['-w', root, 'sync'], withNats)).code).toBe(0);
    expect((await readStream(server.url))!.messages).toHaveLength(2);
  });

  it('publishes under CUSTODIAN_NATS_SUBJECT_PREFIX, on a stream created for that prefix', async () => {
    server = await startNats();
    const { root } = await workspaceWithEvents(1);
    const published = await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: server.url, CUSTODIAN_NATS_SUBJECT_PREFIX: 'plans' });
    expect(published.json).toMatchObject({ published: 1, pending: 0, failure: null });
    const stream = (await readStream(server.url))!;
    expect(stream.config.subjects).toEqual(['plans.>']);
    expect(stream.messages.map((m) => m.subject)).toEqual(['plans.task.completed']);
  });

  it('two clones publishing the same events: JetStream keeps each once, and both outboxes count them delivered', async () => {
    server = await startNats();
    const origin = repoWith({ 'workplans/WP-1.md': workplan('WP-1', 'active', [['T01', 'todo'], ['T02', 'todo']]) });
    const clone = async () => {
      const ws = tempDir('custodian-clone-');
      writeFileSync(join(ws, 'custodian.yaml'), registry([{ slug: 'alpha', dir: 'alpha' }]));
      git(ws, ['clone', '-q', origin, 'alpha']);
      expect((await cli(['-w', ws, 'sync'])).code).toBe(0);
      return ws;
    };
    const a = await clone();
    const b = await clone();
    commitFiles(origin, { 'workplans/WP-1.md': workplan('WP-1', 'completed', [['T01', 'done'], ['T02', 'done']]) }, 'done', daysBefore(1));
    for (const ws of [a, b]) git(join(ws, 'alpha'), ['pull', '-q', '--ff-only']);
    const url = server.url;
    const publish = (ws: string) => cliJson(['-w', ws, 'events', 'publish', '--json'], { NATS_URL: url });
    const first = await publish(a);
    expect(first.code).toBe(0);
    expect(first.json).toEqual({ schema_version: 1, kind: 'event-publish', servers: [server.url], published: 3, pending: 0, failure: null });
    expect((await publish(b)).json).toMatchObject({ published: 3, pending: 0, failure: null });
    const stream = (await readStream(server.url))!;
    expect(stream.messages).toHaveLength(3);
    expect(new Set(stream.messages.map((m) => m.headers['Nats-Msg-Id'])).size).toBe(3);
    expect(await events(b, ['--pending', '--no-sync'])).toEqual([]);
  });

  it('a server that is down leaves the events pending with one warning, and nothing is tried while nothing is pending; back up, they go', async () => {
    const port = await freePort();
    const url = `nats://127.0.0.1:${port}`;
    const idle = tempDir('custodian-idle-');
    writeFileSync(join(idle, 'custodian.yaml'), registry([]));
    const quiet = await cli(['-w', idle, 'sync'], { NATS_URL: url });
    expect(quiet.code).toBe(0);
    expect(warnings(quiet.stderr)).toEqual([]);

    const { root } = await workspaceWithEvents(2);
    const down = await cli(['-w', root, 'sync'], { NATS_URL: url });
    expect(down.code).toBe(0);
    expect(warnings(down.stderr)).toHaveLength(1);
    expect(warnings(down.stderr)[0]).toMatch(new RegExp(`^custodian: warning: events: could not publish to ${url}: .+; 2 events stay pending$`));
    expect(await events(root, ['--pending', '--no-sync'])).toHaveLength(2);

    server = await startNats({ port });
    const up = await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: url });
    expect(up.json).toMatchObject({ published: 2, pending: 0, failure: null });
    expect((await readStream(url))!.messages).toHaveLength(2);
  });

  it('user:password auth: a refused password is one warning naming no secret, the events stay pending; the right one publishes', async () => {
    server = await startNats({ user: 'custodian', pass: 's3cret-pass' });
    const { root } = await workspaceWithEvents(1);
    const refused = await cli(['-w', root, 'sync'], { NATS_URL: `nats://custodian:wrong-pass@127.0.0.1:${server.port}` });
    expect(refused.code).toBe(0);
    expect(warnings(refused.stderr)).toHaveLength(1);
    expect(refused.stderr).toMatch(/authorization/i);
    expect(refused.stderr).not.toContain('wrong-pass');
    expect(await events(root, ['--pending', '--no-sync'])).toHaveLength(1);
    const anonymous = await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: server.url });
    expect(anonymous.code).toBe(0);
    expect(anonymous.json).toMatchObject({ published: 0, pending: 1 });
    expect(anonymous.json.failure).toMatch(/authorization/i);
    const missingCreds = await cli(['-w', root, 'events', 'publish'], { NATS_URL: server.url, NATS_CREDS: join(root, 'nope.creds') });
    expect(missingCreds.code).toBe(0);
    expect(warnings(missingCreds.stderr)).toHaveLength(1);
    expect(missingCreds.stderr).toContain('nope.creds');
    expect(await events(root, ['--pending', '--no-sync'])).toHaveLength(1);
    const ok = await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: `nats://custodian:s3cret-pass@127.0.0.1:${server.port}` });
    expect(ok.json).toMatchObject({ servers: [`nats://127.0.0.1:${server.port}`], published: 1, pending: 0, failure: null });
    expect(ok.stderr).not.toContain('s3cret-pass');
    expect((await readStream(server.url, { user: 'custodian', pass: 's3cret-pass' }))!.messages).toHaveLength(1);
  });

  it('a server restarted in the middle of a publish: what was acknowledged is published, the rest goes next time, each event once in the stream', async () => {
    const running = await startNats();
    server = running;
    const count = 1500;
    const { root } = await workspaceWithEvents(count);
    expect(await events(root, ['--pending'])).toHaveLength(count);
    const publishing = spawn(process.execPath, [CLI, '-w', root, 'events', 'publish', '--json'], { env: { ...gitEnv(), ...env, NATS_URL: running.url } });
    const killer = setTimeout(() => publishing.kill('SIGKILL'), HANG_MS);
    let stdout = '';
    publishing.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => publishing.on('exit', (code, signal) => resolve(signal ?? code)));
    // Restart as soon as the stream holds something.
    for (let i = 0; i < 600; i++) {
      const stream = await readStream(running.url).catch(() => null);
      if (stream && stream.messages.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await running.kill();
    await running.start();
    expect(await exited).toBe(0);
    clearTimeout(killer);
    const first = JSON.parse(stdout);
    expect(first.published + first.pending).toBe(count);
    // A loaded machine may need more than one publish budget for the rest.
    let again: any = null;
    for (let i = 0; i < 5 && (again === null || again.pending > 0); i++) again = (await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: running.url })).json;
    expect(again).toMatchObject({ pending: 0, failure: null });
    const stream = (await readStream(running.url))!;
    const ids = stream.messages.map((m) => m.headers['Nats-Msg-Id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(count);
  });
});

describe('publishing without a usable server', { timeout: TEST_MS }, () => {
  let silent: Server | null = null;
  const sockets: Socket[] = [];
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets.splice(0)) s.destroy();
        if (silent) silent.close(() => resolve());
        else resolve();
        silent = null;
      }),
  );

  /** A TCP server that accepts connections and never says a word (no NATS INFO), counting them. */
  async function silentServer(): Promise<{ url: string; connections: () => number }> {
    let count = 0;
    silent = createServer((socket) => {
      count++;
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', () => resolve()));
    return { url: `nats://127.0.0.1:${(silent.address() as AddressInfo).port}`, connections: () => count };
  }

  it('no connection at all while nothing is pending, even with NATS_URL set', async () => {
    const peer = await silentServer();
    const idle = tempDir('custodian-idle-');
    writeFileSync(join(idle, 'custodian.yaml'), registry([]));
    const quiet = await cli(['-w', idle, 'sync'], { NATS_URL: peer.url });
    expect(quiet.code).toBe(0);
    expect(warnings(quiet.stderr)).toEqual([]);
    const { root } = await workspaceWithEvents(1);
    expect((await cli(['-w', root, 'next', '--json'], { NATS_URL: peer.url })).code).toBe(0);
    expect(peer.connections()).toBe(0);
  });

  it('a server that accepts the connection and never answers: the sync ends by itself after the timeout with one warning, events pending', async () => {
    const peer = await silentServer();
    const { root } = await workspaceWithEvents(1);
    const sync = await cli(['-w', root, 'sync'], { NATS_URL: peer.url });
    expect(peer.connections()).toBe(1);
    expect(sync.code).toBe(0);
    expect(warnings(sync.stderr)).toEqual([expect.stringMatching(new RegExp(`^custodian: warning: events: could not publish to ${peer.url}: timeout \\(2 s\\) .+; 1 event stays pending$`))]);
    expect(await events(root, ['--pending', '--no-sync'])).toHaveLength(1);
    const publish = await cliJson(['-w', root, 'events', 'publish', '--json'], { NATS_URL: peer.url });
    expect(publish.code).toBe(0);
    expect(publish.json).toMatchObject({ published: 0, pending: 1, failure: expect.stringMatching(/^timeout/) });
  });

  it('loads no NATS module when nothing is pending, even with NATS_URL set', async () => {
    const dir = tempDir('custodian-hook-');
    const log = join(dir, 'loaded.log');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  if (specifier.startsWith('@nats-io/')) appendFileSync(${JSON.stringify(log)}, specifier + '\\n');\n  return next(specifier, context);\n}\n`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    const hooked = { NATS_URL: `nats://127.0.0.1:${await freePort()}`, NODE_OPTIONS: `--import=${pathToFileURL(join(dir, 'register.mjs')).href}` };
    const idle = tempDir('custodian-idle-');
    writeFileSync(join(idle, 'custodian.yaml'), registry([]));
    expect((await cli(['-w', idle, 'sync'], hooked)).code).toBe(0);
    expect(existsSync(log)).toBe(false);
    // One pending event: a read command still loads nothing; the explicit sync loads the client
    // (and fails to reach the server), which shows the hook sees the loads it should.
    const { root } = await workspaceWithEvents(1);
    expect((await cli(['-w', root, 'next', '--json'], hooked)).code).toBe(0);
    expect(existsSync(log)).toBe(false);
    expect((await cli(['-w', root, 'sync'], hooked)).code).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('@nats-io/transport-node');
  });
});
