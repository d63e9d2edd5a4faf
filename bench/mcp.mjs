// MCP benchmarks, called by bench/run.mjs for each workspace size: time from starting
// `custodian mcp` to the answer of tools/list, and to the answer of the first `next` call (the
// client's initialize, tools/list, then tools/call next, as a client starts a session), over raw
// JSON-RPC on the process's stdin/stdout. Target for both: 4× `node -e 0` plus the stat time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'custodian.js');

/** One session: milliseconds from spawn to each answer. */
export function mcpSession(workspace) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, '-w', workspace, 'mcp'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    const times = {};
    let buffer = '';
    const send = (message) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (message.error) return reject(new Error(`mcp answered an error: ${JSON.stringify(message.error)}`));
        if (message.id === 1) {
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          times.list = ms;
          send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'next', arguments: {} } });
        } else if (message.id === 3) {
          if (message.result.isError) return reject(new Error(`next failed: ${message.result.content[0].text}`));
          times.next = ms;
          child.stdin.end();
        }
      }
    });
    child.on('close', (code) => (code === 0 && times.next ? resolve(times) : reject(new Error(`custodian mcp exited ${code}`))));
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

export async function benchMcp({ workspace, size, node, statTime, withTarget, runNode, cliPath, round }) {
  runNode([cliPath, '-w', workspace, 'sync']);
  await mcpSession(workspace);
  runNode([cliPath, '-w', workspace, 'next', '--json']);
  // The CLI's `next --json` runs between the sessions, so both see the same machine load: the
  // difference is what the server adds (the SDK, the handshake, tools/list).
  const lists = [];
  const nexts = [];
  const clis = [];
  for (let i = 0; i < 9; i++) {
    const { list, next } = await mcpSession(workspace);
    lists.push(list);
    nexts.push(next);
    clis.push(runNode([cliPath, '-w', workspace, 'next', '--json']).ms);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const row = (name, values) => ({ name, median_ms: round(median(values)), min_ms: round(Math.min(...values)), runs: values.length });
  const target = 4 * node.median_ms + statTime;
  return [
    withTarget(row('mcp: start to the tools/list answer', lists), size, target, '4× node -e 0 + stat time'),
    withTarget(row('mcp: start to the first next answer', nexts), size, target, '4× node -e 0 + stat time'),
    { ...row('mcp: the CLI next --json beside it (end to end)', clis), size },
  ];
}

// Standalone: `node bench/mcp.mjs [--size 10000]` on bench/out/ws-<size> (generated like
// bench/run.mjs does), with its own floors.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { existsSync } = await import('node:fs');
  const { generateWorkspace } = await import('./generate.mjs');
  const lib = await import('./lib.mjs');
  const i = process.argv.indexOf('--size');
  const size = i >= 0 ? Number(process.argv[i + 1]) : 10000;
  const workspace = join(lib.ROOT, 'bench', 'out', `ws-${size}`);
  if (!existsSync(join(workspace, 'custodian.yaml'))) generateWorkspace(workspace, { repos: 50, files: size, seed: 1 });
  const node = await lib.nodeFloor();
  lib.writeFloorList(workspace);
  const stat = await lib.measure('stat every file (one node process)', () => lib.runNode(lib.floorArgs(workspace, 'stat')), { runs: 5, warmup: 1 });
  const statTime = Math.max(0, stat.median_ms - node.median_ms);
  const withTarget = (result, sz, target_ms, target) => ({ ...result, size: sz, target_ms: lib.round(target_ms), target, pass: result.median_ms <= target_ms });
  const rows = await benchMcp({ workspace, size, node, statTime, withTarget, runNode: lib.runNode, cliPath: lib.CLI, round: lib.round });
  const { execFileSync } = await import('node:child_process');
  console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  console.log(`node -e 0: ${node.median_ms} ms; stat floor: ${stat.median_ms} ms (stat time ${lib.round(statTime)} ms)`);
  for (const row of rows) {
    const target = row.target_ms === undefined ? '' : `  target ≤ ${row.target_ms} ms (${row.target}) ${row.pass ? 'PASS' : 'MISS'}`;
    console.log(`[${size}] ${row.name}: ${row.median_ms} ms (min ${row.min_ms}; ${lib.round(row.median_ms / node.median_ms)}× node -e 0)${target}`);
  }
}
