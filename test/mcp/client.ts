// The real server process (`node bin/custodian.js mcp`) driven by the MCP SDK's own client over
// stdio, and small helpers to read its answers.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll } from 'vitest';
import { fixtureCopy } from '../dispatch/workspace.js';
import { CLI, gitEnv, PROJECT_ROOT, removeTempDirs, runCliJson } from '../helpers/git-repo.js';

export interface McpSession {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Calls a tool and returns its result as the client received it. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its document (checking text and structured content agree). */
  doc<T = any>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail and returns its error document. */
  error(name: string, args?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

export async function startMcp(workspace: string, env: Record<string, string> = {}): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, '-w', workspace, 'mcp'],
    cwd: PROJECT_ROOT,
    env: { ...(gitEnv() as Record<string, string>), NO_COLOR: '1', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'custodian-tests', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const parsed = (result: CallToolResult) => {
    const text = result.content[0];
    if (text?.type !== 'text') throw new Error(`no text content: ${JSON.stringify(result)}`);
    const fromText = JSON.parse(text.text);
    if (JSON.stringify(fromText) !== JSON.stringify(result.structuredContent)) throw new Error('text and structured content differ');
    return fromText;
  };
  return {
    client,
    stderr: () => stderr,
    call,
    async doc(name, args) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return parsed(result);
    },
    async error(name, args) {
      const result = await call(name, args);
      if (!result.isError) throw new Error(`${name} succeeded: ${JSON.stringify(result.content).slice(0, 500)}`);
      return parsed(result);
    },
    close: () => client.close(),
  };
}

/**
 * For a whole test file (it registers the file's hooks): a copy of the fixture workspace, the
 * server on it with the clock at `now`, and the CLI beside it on the same files and clock. `mcp`
 * answers once the file's tests run.
 */
export function serveFixtureCopy(now: string): { root(): string; mcp: McpSession; cli(...args: string[]): ReturnType<typeof runCliJson<any>> } {
  let root = '';
  let session: McpSession | undefined;
  const started = () => {
    if (!session) throw new Error('the MCP server starts in beforeAll');
    return session;
  };
  beforeAll(async () => {
    root = fixtureCopy();
    session = await startMcp(root, { CUSTODIAN_NOW: now });
  });
  afterAll(async () => {
    await session?.close();
    removeTempDirs();
  });
  const mcp: McpSession = {
    get client() {
      return started().client;
    },
    stderr: () => started().stderr(),
    call: (name, args) => started().call(name, args),
    doc: (name, args) => started().doc(name, args),
    error: (name, args) => started().error(name, args),
    close: () => started().close(),
  };
  return { root: () => root, mcp, cli: (...args) => runCliJson(['-w', root, ...args], { env: { CUSTODIAN_NOW: now } }) };
}
