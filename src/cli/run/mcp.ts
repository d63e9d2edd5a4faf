// `mcp`: serve until the client closes stdin. stdout belongs to the protocol: the transport gets
// the only writer that reaches it, and anything else written to process.stdout (a stray log line
// of any module) goes to stderr instead of corrupting the stream.
import { Writable } from 'node:stream';
import { serveStdio } from '../../mcp/server.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';

export async function mcp(ctx: CliContext): Promise<void> {
  const stdout = process.stdout;
  const protocolWrite = stdout.write.bind(stdout) as (chunk: Buffer | string, callback: (error?: Error | null) => void) => boolean;
  stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => process.stderr.write(chunk, ...rest)) as typeof stdout.write;
  const protocol = new Writable({ write: (chunk: Buffer, _encoding, callback) => void protocolWrite(chunk, callback) });
  const log = (message: string) => process.stderr.write(`custodian mcp: ${message}\n`);
  process.stderr.write(`custodian mcp: serving on stdio (custodian://guide explains the tools)\n`);
  await serveStdio({ at: apiOptions(ctx), log }, process.stdin, protocol);
}
