// Hubs for tests: real servers on loopback (in this process through startHub, or the real CLI as a
// subprocess), snapshots exported by the real CLI from temp workspaces, and a small HTTP client.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub, type RunningHub, type StartHubOptions } from '../../src/hub/start.js';
import { parseTokens } from '../../src/hub/tokens.js';
import { FIXTURE } from '../dispatch/workspace.js';
import { CLI, commitAll, git, gitEnv, runCli, tempDir } from '../helpers/git-repo.js';

export const TOKEN = 'test-token-0123456789abcdef';
export const OTHER_TOKEN = 'other-token-0123456789abcdef';
export const TOKENS = `ci:${TOKEN}`;

export async function inProcessHub(options: Partial<StartHubOptions> = {}): Promise<RunningHub> {
  return startHub({
    host: '127.0.0.1',
    port: 0,
    store: join(tempDir('custodian-hub-'), 'hub.sqlite'),
    tokens: parseTokens(TOKENS, 'test'),
    allowHttpHosts: [],
    allowPrivate: [],
    refreshIntervalSeconds: 0,
    log: null,
    ...options,
  });
}

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function http<T = any>(base: string, method: string, path: string, body?: unknown, token: string | null = TOKEN, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (the dashboard)
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * The example workspace split in two, as two teams would keep it: `payments` registers ledger-api
 * and docs-site, `clients` registers ledger-cli, whose tasks depend on ledger-api's.
 */
export function splitFixture(): { payments: string; clients: string } {
  const make = (registry: string) => {
    const root = tempDir('custodian-ws-');
    cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.custodian') });
    writeFileSync(join(root, 'custodian.yaml'), registry);
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'workspace', '2026-11-20T10:00:00Z');
    return root;
  };
  return {
    payments: make(
      [
        'version: 1',
        'domains:',
        '  - slug: payments',
        '    name: Payments',
        '  - slug: docs',
        '    name: Documentation',
        'repos:',
        '  - slug: ledger-api',
        '    name: Ledger API',
        '    domain: payments',
        '    path: repos/ledger-api',
        '  - slug: docs-site',
        '    name: Docs site',
        '    domain: docs',
        '    path: repos/docs-site',
        '',
      ].join('\n'),
    ),
    clients: make(
      ['version: 1', 'domains:', '  - slug: payments', '    name: Payments', 'repos:', '  - slug: ledger-cli', '    name: Ledger CLI', '    domain: payments', '    path: repos/ledger-cli', ''].join(
        '\n',
      ),
    ),
  };
}

export const NOW_ENV = { CUSTODIAN_NOW: '2026-11-24T12:00:00Z' };

/** `custodian export` of a workspace, as text. */
export function exportText(workspace: string): string {
  const result = runCli(['-w', workspace, 'export'], { env: NOW_ENV });
  if (result.code !== 0) throw new Error(`export failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** Registers a push source and uploads the snapshot. */
export async function pushSource(base: string, name: string, snapshot: string, settings: Record<string, unknown> = {}): Promise<void> {
  const created = await http(base, 'POST', '/v1/sources', { name, ...settings });
  if (created.status !== 201) throw new Error(`register ${name}: ${created.status} ${created.text}`);
  const pushed = await http(base, 'PUT', `/v1/sources/${name}/snapshot`, snapshot);
  if (pushed.status !== 200) throw new Error(`push ${name}: ${pushed.status} ${pushed.text}`);
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** `custodian serve` as a subprocess on a free port; resolves once it says where it listens. */
export function serveProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<ServeProcess> {
  const fullEnv: NodeJS.ProcessEnv = { ...gitEnv(), NO_COLOR: '1', ...env };
  for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--refresh-interval', '0', ...args], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const match = /hub listening on (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stderr: () => stderr + stdout, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${stderr}`));
    });
  });
}

/** The CLI as a subprocess without blocking this process (which may be serving the hub it talks to). */
export function runCliAsync(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const fullEnv: NodeJS.ProcessEnv = { ...gitEnv(), NO_COLOR: '1', ...env };
  for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
  const child = spawn(process.execPath, [CLI, ...args], { env: fullEnv, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
