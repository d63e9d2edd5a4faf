// A real nats-server with JetStream for the tests: on a free loopback port, with its own store
// folder, started and stopped (or killed and restarted) by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, systemBinary } from '../helpers/system-binary.js';

export const nats = systemBinary('nats-server');

export interface NatsServer {
  port: number;
  url: string;
  /** Stops the server (SIGTERM), keeping its store. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), keeping its store. */
  kill(): Promise<void>;
  /** Starts it again on the same port and store. */
  start(): Promise<void>;
  /** Stops it and removes its store. */
  dispose(): Promise<void>;
}

export async function startNats(options: { port?: number; user?: string; pass?: string } = {}): Promise<NatsServer> {
  const port = options.port ?? (await freePort());
  const store = realpathSync(mkdtempSync(join(tmpdir(), 'custodian-nats-')));
  const auth = options.user ? ['--user', options.user, '--pass', options.pass ?? ''] : [];
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(nats.path, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store, ...auth], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = proc;
      let log = '';
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 20_000);
      proc.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited (${code}):\n${log}`));
      });
    });
  const halt = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  await start();
  return {
    port,
    url: `nats://127.0.0.1:${port}`,
    stop: () => halt('SIGTERM'),
    kill: () => halt('SIGKILL'),
    start,
    async dispose() {
      await halt('SIGTERM');
      rmSync(store, { recursive: true, force: true });
    },
  };
}
