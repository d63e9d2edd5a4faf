// The wire format, without the SDK: JSON-RPC 2.0 messages, one per line, written to the server's
// stdin and read back from its stdout. stdout carries those messages and nothing else (run-level
// warnings go to stderr); the server stops when stdin ends, after answering what it was asked.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, gitEnv, PROJECT_ROOT, removeTempDirs } from '../helpers/git-repo.js';
import { workspace } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

const TASK = ['---', 'id: CORE-WP-0001', 'title: Keys', 'status: active', '---', '', '## Rotate the signing keys', '', '```task', 'id: CORE-WP-0001-T01', 'priority: high', '```', '', 'Rotate them.', ''].join('\n');

interface Exchange {
  lines: string[];
  stderr: string;
  code: number | null;
}

/** Sends `messages` one at a time, each after the answer to the previous request, then closes stdin. */
async function exchange(root: string, messages: object[]): Promise<Exchange> {
  const child = spawn(process.execPath, [CLI, '-w', root, 'mcp'], { cwd: PROJECT_ROOT, env: { ...gitEnv(), NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let waiting: { id: number; resolve: () => void } | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (waiting && stdout.split('\n').some((line) => line.includes(`"id":${waiting!.id}`))) waiting.resolve();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const message of messages) {
    const id = (message as { id?: number }).id;
    const answered = id === undefined ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { id, resolve }));
    child.stdin.write(`${JSON.stringify(message)}\n`);
    await answered;
  }
  child.stdin.end();
  const code = await exited;
  return { lines: stdout.split('\n').filter((line) => line !== ''), stderr, code };
}

describe('custodian mcp on the wire', () => {
  it('answers initialize, tools/list and tools/call as JSON-RPC 2.0 lines, and only those on stdout', async () => {
    // `gone` is registered with no checkout here: the api warns about it, on stderr.
    const root = workspace([{ slug: 'core' }, { slug: 'gone' }], { 'repos/core/workplans/CORE-WP-0001.md': TASK });
    const { lines, stderr, code } = await exchange(root, [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'next', arguments: { repo: 'core' } } },
      { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'next', arguments: { repo: 42 } } },
    ]);
    expect(code).toBe(0);
    const messages = lines.map((line) => JSON.parse(line));
    expect(messages.map((m) => [m.jsonrpc, m.id])).toEqual([
      ['2.0', 1],
      ['2.0', 2],
      ['2.0', 3],
      ['2.0', 4],
    ]);
    const [init, list, call, bad] = messages;
    expect(init.result).toMatchObject({ protocolVersion: '2025-06-18', serverInfo: { name: 'custodian' }, capabilities: { tools: {}, resources: {} } });
    expect(init.result.instructions).toContain('custodian://guide');
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual(['next', 'dispatch', 'show', 'list', 'task_update', 'check', 'doi', 'registry']);
    expect(Buffer.byteLength(lines[1])).toBeLessThan(16 * 1024);
    expect(call.result.isError).toBeUndefined();
    expect(JSON.parse(call.result.content[0].text)).toEqual(call.result.structuredContent);
    expect(call.result.structuredContent).toMatchObject({ schema_version: 1, kind: 'next', task: { id: 'CORE-WP-0001-T01', title: 'Rotate the signing keys' } });
    expect(bad.result).toMatchObject({ isError: true, structuredContent: { kind: 'error', code: 'usage' } });
    expect(stderr).toContain('repo gone: checkout not found on this host');
  });

  it('stops when stdin ends, answering the request that came with the last bytes', async () => {
    const root = workspace([{ slug: 'core' }], { 'repos/core/workplans/CORE-WP-0001.md': TASK });
    const child = spawn(process.execPath, [CLI, '-w', root, 'mcp'], { cwd: PROJECT_ROOT, env: { ...gitEnv(), NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end(
      [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list', arguments: {} } },
      ]
        .map((m) => `${JSON.stringify(m)}\n`)
        .join(''),
    );
    expect(await code).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((m) => m.id)).toEqual([1, 2]);
    expect(answers[1].result.structuredContent.items).toEqual([{ id: 'CORE-WP-0001-T01', title: 'Rotate the signing keys', status: 'todo', repo_slug: 'core' }]);
  });
});
