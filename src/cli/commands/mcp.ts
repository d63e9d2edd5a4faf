// `custodian mcp`: the Model Context Protocol server on stdio (the MCP SDK loads only here).
import type { CliContext } from '../context.js';
import type { Program } from '../program.js';

export function register(program: Program, ctx: CliContext): void {
  program
    .command('mcp')
    .description('serve the MCP tools (next, dispatch, show, list, task_update, check, doi, registry) on stdio')
    .action(async () => (await import('../run/mcp.js')).mcp(ctx));
}
