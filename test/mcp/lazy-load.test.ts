// The MCP SDK (and zod, which only the MCP face uses) load only for `custodian mcp`: in the CLI
// bundle, no chunk that start-up or another command can reach imports them or holds their code
// (scripts/build.mjs bundles both into the mcp command's chunks; esbuild marks each bundled file
// with a `// node_modules/<path>` comment).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

const BUNDLE = join(PROJECT_ROOT, 'dist', 'bundle');
/** How the command module that registers `mcp` reads in the bundle. */
const MCP_COMMAND = /\.command\(\s*["']mcp["']\s*\)/;
const HEAVY = /from\s*["'](@modelcontextprotocol\/sdk|zod)[^"']*["']|import\(\s*["'](@modelcontextprotocol\/sdk|zod)[^"']*["']\)|^\/\/ (?:\S*\/)?node_modules\/(@modelcontextprotocol\/sdk|zod)\//m;

function edges(chunk: string): { statics: string[]; dynamics: string[] } {
  const code = readFileSync(join(BUNDLE, chunk), 'utf8');
  const statics = [...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?\s*from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);
  const dynamics = [...code.matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return { statics, dynamics };
}

function reachable(start: string, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const walk = (chunk: string) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    const { statics, dynamics } = edges(chunk);
    for (const next of dynamic ? [...statics, ...dynamics] : statics) walk(next);
  };
  walk(start);
  return seen;
}

describe('the MCP SDK loads only for custodian mcp', () => {
  it('is imported by no chunk start-up loads, and reached from one command module only: mcp', () => {
    const chunks = readdirSync(BUNDLE).filter((f) => f.endsWith('.mjs'));
    const heavy = chunks.filter((c) => HEAVY.test(readFileSync(join(BUNDLE, c), 'utf8')));
    expect(heavy.length).toBeGreaterThan(0);
    const startUp = reachable('main.mjs', false);
    expect(heavy.filter((c) => startUp.has(c))).toEqual([]);
    // Each command module is a dynamic import of main.mjs; only the one registering `mcp` may reach the SDK.
    const commands = edges('main.mjs').dynamics;
    const reaching = commands.filter((c) => heavy.some((h) => reachable(c, true).has(h)));
    expect(reaching).toHaveLength(1);
    expect(readFileSync(join(BUNDLE, reaching[0]), 'utf8')).toMatch(MCP_COMMAND);
  });

  it('starts without the edit path: the server and its tool list load no YAML editor until a tool needs it', () => {
    // The command module imports the server dynamically; the server's static closure is what
    // every session pays before answering tools/list (tools import src/api on their first call).
    const command = edges('main.mjs').dynamics.find((c) => MCP_COMMAND.test(readFileSync(join(BUNDLE, c), 'utf8')))!;
    const servers = edges(command).dynamics;
    expect(servers).toHaveLength(1);
    const startUp = [...reachable(servers[0], false)];
    const yaml = /from\s*["']yaml["']|require\(["']yaml["']\)/;
    expect(startUp.filter((c) => yaml.test(readFileSync(join(BUNDLE, c), 'utf8')))).toEqual([]);
    // …while a tool that edits does reach it.
    expect([...reachable(servers[0], true)].some((c) => yaml.test(readFileSync(join(BUNDLE, c), 'utf8')))).toBe(true);
  });

  it("carries zod's English messages and no other locale (the others were a third of the mcp chunk)", () => {
    const locales = new Set<string>();
    for (const chunk of readdirSync(BUNDLE).filter((f) => f.endsWith('.mjs'))) {
      for (const m of readFileSync(join(BUNDLE, chunk), 'utf8').matchAll(/^\/\/ (?:\S*\/)?node_modules\/zod\/v4\/locales\/(\S+)$/gm)) locales.add(m[1]);
    }
    expect([...locales]).toEqual(['en.js']);
  });
});
