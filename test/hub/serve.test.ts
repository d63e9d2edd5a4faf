// `custodian serve` as a process: it listens, logs JSON request lines that never carry a token,
// finishes in-flight work and exits 0 on SIGTERM, and refuses bad settings before listening.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { http, runCliAsync, serveProcess, TOKEN } from './helpers.js';

afterAll(removeTempDirs);

describe('custodian serve', () => {
  it('logs requests as JSON lines without tokens, and stops gracefully on SIGTERM', async () => {
    const store = join(tempDir('custodian-serve-'), 'hub.sqlite');
    const hub = await serveProcess(['--store', store], { CUSTODIAN_HUB_TOKENS: `ci:${TOKEN}` });
    expect((await http(hub.url, 'POST', '/v1/sources', { name: 'alpha' })).status).toBe(201);
    expect((await http(hub.url, 'POST', '/v1/sources', { name: 'beta' }, 'wrong-token-0123456789')).status).toBe(403);
    expect((await http(hub.url, 'GET', '/v1/sources', undefined, null)).status).toBe(200);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    const output = hub.stderr();
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('wrong-token');
    expect(output).not.toMatch(/authorization/i);
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const records = lines.map((line) => JSON.parse(line));
    expect(records.some((r) => r.req?.method === 'POST' && r.req?.url === '/v1/sources')).toBe(true);
    expect(records.some((r) => r.res?.status === 403)).toBe(true);
    expect(output).toContain('custodian: SIGTERM: stopping the hub (finishing requests in flight)\ncustodian: hub stopped\n');

    // The data outlives the process.
    const again = await serveProcess(['--store', store, '--log-level', 'silent']);
    const list = await http(again.url, 'GET', '/v1/sources', undefined, null);
    expect(list.json.items.map((s: { name: string }) => s.name)).toEqual(['alpha']);
    expect(again.stderr()).toContain('custodian: warning: no write tokens (CUSTODIAN_HUB_TOKENS or --tokens-file): every write is refused\n');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('reads tokens from a file, with names and comments', async () => {
    const dir = tempDir('custodian-serve-');
    const file = join(dir, 'tokens');
    writeFileSync(file, `# CI pushes\nci:${TOKEN}\n\nops:ops-token-0123456789abcdef  # the on-call\n`);
    const hub = await serveProcess(['--store', join(dir, 'hub.sqlite'), '--tokens-file', file, '--log-level', 'silent']);
    expect(hub.stderr()).toContain('2 write tokens');
    const created = await http(hub.url, 'POST', '/v1/sources', { name: 'alpha' }, 'ops-token-0123456789abcdef');
    expect(created.json.source.updated_by).toBe('ops');
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
  });

  it('refuses bad settings with exit 2 and a clear message', async () => {
    const dir = tempDir('custodian-serve-');
    const short = await runCliAsync(['serve', '--port', '0', '--store', join(dir, 'a.sqlite')], { CUSTODIAN_HUB_TOKENS: 'short' }, dir);
    expect(short).toEqual({ code: 2, stdout: '', stderr: 'custodian: CUSTODIAN_HUB_TOKENS: token token-1 is shorter than 16 characters (use a long random value, e.g. openssl rand -hex 32)\n' });
    const port = await runCliAsync(['serve', '--port', 'eighty'], {}, dir);
    expect(port).toEqual({ code: 2, stdout: '', stderr: 'custodian: --port expects a whole number up to 65535, got "eighty"\n' });
    const cidr = await runCliAsync(['serve', '--port', '0', '--store', join(dir, 'b.sqlite'), '--allow-private', '10.0.0.0/40'], {}, dir);
    expect(cidr).toEqual({ code: 2, stdout: '', stderr: 'custodian: --allow-private: bad prefix length in "10.0.0.0/40"\n' });
    const missingFile = await runCliAsync(['serve', '--port', '0', '--tokens-file', join(dir, 'none')], {}, dir);
    expect(missingFile).toEqual({ code: 2, stdout: '', stderr: `custodian: cannot read the tokens file ${join(dir, 'none')}: ENOENT\n` });
  });
});
