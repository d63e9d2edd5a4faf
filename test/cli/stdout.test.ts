// The answer goes to stdout with write(2) (src/cli/stdout.ts). A parent may hand the CLI a
// non-blocking pipe (one it also opened as a socket: Node itself does that), where a write to a
// full pipe fails with EAGAIN instead of waiting: every byte must still arrive, in order.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, removeTempDirs } from '../helpers/git-repo.js';
import { fixtureCopy } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

// Makes its own stdout non-blocking (net.Socket on fd 1 does), then runs the CLI on it.
const NON_BLOCKING_PARENT = `
new (require('node:net').Socket)({ fd: 1, readable: false });
const ran = require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
process.exitCode = ran.status ?? 1;
`;

describe('stdout', () => {
  it('writes every byte, in order, to a non-blocking pipe that fills up', async () => {
    const root = fixtureCopy();
    // ~250 KB of JSON: several times what a pipe holds.
    const tasks = Array.from({ length: 1000 }, (_, i) => `\`\`\`task\nid: BIG-WP-1-T${i}\ntitle: ${'x'.repeat(150)}\n\`\`\`\n`).join('\n');
    writeFileSync(join(root, 'repos', 'ledger-api', 'workplans', 'BIG-WP-1.md'), `---\nid: BIG-WP-1\n---\n\n${tasks}`);
    const args = [CLI, '-w', root, 'task', 'list', '--json'];
    const expected = spawnSync(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
    expect(expected.status).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(200_000);

    const child = spawn(process.execPath, ['-e', NON_BLOCKING_PARENT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Nothing is read for a while, so the pipe fills and the CLI's writes meet EAGAIN.
    child.stdout.pause();
    await new Promise((done) => setTimeout(done, 1000));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk)).resume();
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect([code, stderr]).toEqual([0, '']);
    expect(Buffer.concat(chunks).equals(expected.stdout)).toBe(true);
  });
});
