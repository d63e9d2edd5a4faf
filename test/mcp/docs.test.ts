// docs/mcp.md says what the server serves: its tool table names every tool the server lists, with
// every argument of each schema and the right read-only column; its client configurations are
// valid JSON starting `custodian mcp`; it tells agents with a shell to prefer the CLI; and its size
// of the tool list is the real one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, removeTempDirs } from '../helpers/git-repo.js';
import { fixtureCopy } from '../dispatch/workspace.js';
import { startMcp, type McpSession } from './client.js';

const DOC = readFileSync(join(PROJECT_ROOT, 'docs', 'mcp.md'), 'utf8');
let mcp: McpSession;

beforeAll(async () => {
  mcp = await startMcp(fixtureCopy());
});
afterAll(async () => {
  await mcp?.close();
  removeTempDirs();
});

/** The rows of the table under `## Tools`: tool name → its cells. */
function toolTable(): Map<string, string[]> {
  const section = DOC.slice(DOC.indexOf('## Tools'), DOC.indexOf('\n## ', DOC.indexOf('## Tools') + 1));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const match = /^\| `([a-z_]+)` \|/.exec(line);
    if (match) rows.set(match[1], line.replace(/\\\|/g, '/').split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

describe('docs/mcp.md', () => {
  it('lists every tool the server serves, each with all its arguments and whether it is read-only', async () => {
    const { tools } = await mcp.client.listTools();
    const table = toolTable();
    expect([...table.keys()]).toEqual(tools.map((t) => t.name));
    for (const tool of tools) {
      const [, , args, readOnly] = table.get(tool.name)!;
      const documented = new Set([...args.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
      for (const name of Object.keys(tool.inputSchema.properties ?? {})) expect(documented.has(name), `${tool.name}: ${name} documented`).toBe(true);
      expect(readOnly.startsWith('yes'), `${tool.name} read-only column`).toBe(tool.annotations?.readOnlyHint === true);
    }
  });

  it('gives client configurations that are JSON running `custodian mcp`', () => {
    const snippets = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    for (const snippet of snippets) {
      const servers = snippet.mcpServers ?? snippet.servers;
      expect(servers.custodian).toMatchObject({ command: 'custodian', args: expect.arrayContaining(['mcp', '--workspace']) });
      expect(servers.custodian.args[0]).toBe('mcp');
    }
    for (const client of ['Claude Code', 'Claude Desktop', 'Cursor', 'VS Code']) expect(DOC).toContain(`**${client}**`);
  });

  it('tells agents with a shell that the CLI with --json costs fewer tokens, with the real size of the tool list', async () => {
    expect(DOC).toMatch(/\*\*If your agent has a shell, prefer the CLI\.\*\* `custodian next --as me --claim --json`/);
    const { tools } = await mcp.client.listTools();
    const kb = Buffer.byteLength(JSON.stringify({ tools })) / 1024;
    const said = /tool list \(about (\d+) KB here/.exec(DOC);
    expect(said).not.toBeNull();
    expect(Math.abs(Number(said![1]) - kb)).toBeLessThanOrEqual(1);
  });
});
