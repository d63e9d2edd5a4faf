// Workspaces for event tests: a workspace that is its own git repository (so registering a repo
// is a commit), repos that are git repositories committed at chosen dates, and the CLI's events.
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { commitAll, git, gitRepo, runCliAsync, runCliJson, runCliJsonAsync, tempDir, writeFiles, type FileMap } from '../helpers/git-repo.js';

export const NOW = '2026-03-01T12:00:00Z';
export const daysBefore = (days: number, from = NOW) => new Date(new Date(from).getTime() - days * 86_400_000).toISOString().replace('.000Z', 'Z');

export function registry(repos: { slug: string; dir: string; remote_url?: string }[]): string {
  const lines = ['version: 1', 'domains:', '  - slug: payments', '    name: Payments', repos.length ? 'repos:' : 'repos: []'];
  for (const r of repos) {
    lines.push(`  - slug: ${r.slug}`, `    name: ${r.slug}`, '    domain: payments', `    path: ${r.dir}`);
    if (r.remote_url) lines.push(`    remote_url: ${r.remote_url}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A workspace folder under git holding custodian.yaml (committed), with .custodian/ ignored. */
export function workspaceRepo(repos: { slug: string; dir: string; remote_url?: string }[], date = daysBefore(30)): string {
  const root = tempDir('custodian-ws-');
  git(root, ['init', '-q', '-b', 'main']);
  writeFileSync(join(root, '.gitignore'), '.custodian/\n');
  writeFileSync(join(root, 'custodian.yaml'), registry(repos));
  commitAll(root, 'registry', date);
  return root;
}

export function workplan(id: string, status: string, tasks: [string, string][]): string {
  const lines = ['---', `id: ${id}`, 'type: workplan', `title: Plan ${id}`, `status: ${status}`, '---', '', `# ${id}`, ''];
  for (const [local, taskStatus] of tasks) lines.push(`### Task ${local}`, '', '```task', `id: ${local}`, `status: ${taskStatus}`, '```', '');
  return lines.join('\n');
}

/** A repo committed at `date` holding `files`. */
export function repoWith(files: FileMap, date = daysBefore(30)): string {
  return gitRepo(files, { date });
}

export function commitFiles(dir: string, files: FileMap, message: string, date: string): string {
  writeFiles(dir, files);
  commitAll(dir, message, date);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

export interface EventJson {
  id: string;
  type: string;
  subject: string;
  source: string;
  time: string;
  data: Record<string, any>;
  published_at: string | null;
}

/** `custodian events --json` (which syncs and derives first). */
export function events(root: string, args: string[] = [], env: Record<string, string> = {}): EventJson[] {
  const { code, json, stderr } = runCliJson(['-w', root, 'events', '--json', ...args], { env: { CUSTODIAN_NOW: NOW, ...env } });
  if (code !== 0) throw new Error(`events exited ${code}: ${stderr}`);
  expect(json.kind).toBe('event-list');
  return json.items;
}

/** Far above a 2 s publish timeout plus a loaded machine's start-up: a command that reaches it hung. */
export const HANG_MS = 30_000;
/** A test runs several commands, each bounded by HANG_MS: its own limit stays above one of them. */
export const TEST_MS = 180_000;

/**
 * The CLI as a bounded asynchronous subprocess (CUSTODIAN_NOW = NOW unless `env` says otherwise):
 * a command that hangs fails its test, naming the command, instead of blocking the vitest worker.
 */
export async function cli(args: string[], env: Record<string, string> = {}) {
  const result = await runCliAsync(args, { env: { CUSTODIAN_NOW: NOW, ...env }, timeoutMs: HANG_MS });
  if (result.signal !== null) throw new Error(`custodian ${args.join(' ')} did not end by itself within ${HANG_MS} ms (killed by ${result.signal}); stderr:\n${result.stderr}`);
  return result;
}

/** `cli` with stdout parsed as JSON. */
export async function cliJson(args: string[], env: Record<string, string> = {}) {
  return runCliJsonAsync(args, { env: { CUSTODIAN_NOW: NOW, ...env }, timeoutMs: HANG_MS });
}

/** `events()` without blocking the test process (for suites that also run servers in it), bounded by `timeoutMs`. */
export async function eventsAsync(root: string, args: string[] = [], env: Record<string, string> = {}): Promise<EventJson[]> {
  const { code, json, stderr } = await cliJson(['-w', root, 'events', '--json', ...args], env);
  if (code !== 0) throw new Error(`events exited ${code}: ${stderr}`);
  expect(json.kind).toBe('event-list');
  return json.items;
}

/** Each event as `type subject old→new`, for compact exact assertions. */
export const brief = (list: EventJson[]) => list.map((e) => `${e.type.replace('org.custodian.', '')} ${e.subject} ${e.data.old_value ?? '-'}→${e.data.new_value}`);
