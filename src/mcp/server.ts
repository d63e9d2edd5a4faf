// `custodian mcp`: the tools of ./tools and the guide over stdio, with the official SDK's
// low-level server (the tools' JSON Schemas come from their zod schemas, written once). Every
// call validates its arguments, asks src/api, and answers with the document as JSON text and as
// structured content; a failure is a tool error carrying the CLI's JSON error document.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { WorkspaceOptions } from '../api/context.js';
import { errorDocument, usageError } from '../errors.js';
import { VERSION } from '../version.js';
import { GUIDE, GUIDE_URI } from './guide.js';
import type { McpTool } from './tool.js';
import { TOOLS } from './tools/index.js';

// zod compiles a fast parser for an object schema the first time it parses one (~60 ms for the
// protocol's schemas at start-up); a session parses a few messages a second, so the interpreted
// parser is the cheaper one. One zod instance serves the SDK and the tools (bundled together).
z.config({ jitless: true });

const INSTRUCTIONS =
  'Plans live in Markdown files in git; these tools read and edit them. Loop: next (as, claim) → work → task_update status done → check. Read custodian://guide once for the formats and the conflict reasons.';

export interface McpServerOptions {
  /** Where the workspace is, for every call; its onWarning reports to stderr. */
  at: WorkspaceOptions;
  /** Where internal failures are logged (never stdout). */
  log(message: string): void;
}

export interface CustodianMcpServer {
  server: Server;
  /** Resolves once no tool call is running. */
  idle(): Promise<void>;
}

export function createServer(options: McpServerOptions): CustodianMcpServer {
  const server = new Server({ name: 'custodian', version: VERSION }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  let listed: Tool[] | null = null;
  let running = 0;
  const waiting: (() => void)[] = [];
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: (listed ??= TOOLS.map(toolListing)) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `no tool ${request.params.name}: the tools are ${TOOLS.map((t) => t.name).join(', ')}`);
    running++;
    try {
      return await callTool(tool, request.params.arguments, options);
    } finally {
      if (--running === 0) for (const resolve of waiting.splice(0)) setImmediate(resolve);
    }
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [{ uri: GUIDE_URI, name: 'guide', title: 'custodian: formats and the agent loop', mimeType: 'text/markdown' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    if (request.params.uri !== GUIDE_URI) throw new McpError(ErrorCode.InvalidParams, `no resource ${request.params.uri}: the one resource is ${GUIDE_URI}`);
    return { contents: [{ uri: GUIDE_URI, mimeType: 'text/markdown', text: GUIDE }] };
  });
  const idle = () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  return { server, idle };
}

function toolListing(tool: McpTool): Tool {
  // The dialect is the protocol's default (2020-12): naming it costs every client bytes on every turn.
  const { $schema: _dialect, ...schema } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, inputSchema: schema as Tool['inputSchema'], annotations: tool.annotations };
}

async function callTool(tool: McpTool, args: unknown, options: McpServerOptions): Promise<CallToolResult> {
  try {
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success) throw usageError(`invalid arguments for ${tool.name}: ${issues(parsed.error)}`);
    const doc = await tool.run(parsed.data, options.at);
    return { content: [{ type: 'text', text: JSON.stringify(doc) }], structuredContent: doc as Record<string, unknown> };
  } catch (error) {
    const doc = errorDocument(error);
    if (doc.code === 'internal') options.log(`${tool.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { content: [{ type: 'text', text: JSON.stringify(doc) }], structuredContent: doc, isError: true };
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
}

/**
 * Serves on `stdin`/`stdout` until stdin ends. `stdout` carries protocol messages only: the
 * caller hands over the one writer that reaches it.
 */
export async function serveStdio(options: McpServerOptions, stdin: Readable, stdout: Writable): Promise<void> {
  const { server, idle } = createServer(options);
  const transport = new StdioServerTransport(stdin, stdout);
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  server.onerror = (error) => options.log(`protocol: ${error.message}`);
  await server.connect(transport);
  // The client is done sending: answer what is still running (requests read with the last bytes
  // start on the next turn of the event loop), then stop.
  stdin.once('end', () => setImmediate(() => void idle().then(() => server.close())));
  await closed;
}
