// `custodian hub …` end to end against a real hub on loopback: every subcommand, human and --json,
// and the errors a person meets (no hub given, hub unreachable, no token, wrong token, refusals).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/start.js';
import { freePort } from '../helpers/system-binary.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { exportText, inProcessHub, NOW_ENV, OTHER_TOKEN, runCliAsync, splitFixture, TOKEN } from './helpers.js';

let hub: RunningHub;
let payments: string;
let env: Record<string, string>;

beforeAll(async () => {
  payments = splitFixture().payments;
  hub = await inProcessHub();
  env = { ...NOW_ENV, CUSTODIAN_HUB_URL: hub.url, CUSTODIAN_HUB_TOKEN: TOKEN };
});
afterAll(async () => {
  await hub?.stop();
  removeTempDirs();
});

const cli = (args: string[], extra: Record<string, string | undefined> = {}) => runCliAsync(args, { ...env, ...extra });

describe('custodian hub', () => {
  // A dozen CLI processes in a row: generous time on a loaded machine.
  it('register, push, list, show, status, update, compose, remove', { timeout: 180_000 }, async () => {
    const registered = await cli(['hub', 'register', 'payments', '--required', '--domain', 'payments', '--description', 'the payments team']);
    expect(registered.stderr).toBe('');
    expect(registered.code).toBe(0);
    expect(registered.stdout).toContain('registered payments\npayments: pushed\n  enabled, required, domain payments — the payments team\n  left out of the view; status pending\n');

    const status = await cli(['hub', 'status']);
    expect(status.stdout).toContain('1 source; the view is incomplete: a required source is missing\n  payments (required): no snapshot yet');

    const pushed = await cli(['-w', payments, 'hub', 'push', 'payments', '--json']);
    expect(pushed.code).toBe(0);
    const doc = JSON.parse(pushed.stdout);
    expect(doc).toMatchObject({ kind: 'source', source: { name: 'payments', status: 'ok', included: true, updated_by: 'ci' } });
    expect(doc.source.snapshot_bytes).toBe(Buffer.byteLength(exportText(payments)));

    const list = await cli(['hub', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({ kind: 'source-list', complete: true, items: [{ name: 'payments', included: true }] });
    const human = await cli(['hub', 'list']);
    expect(human.stdout).toBe('payments  in view   required  push\n');

    const show = await cli(['hub', 'show', 'payments']);
    expect(show.stdout).toMatch(/^payments: pushed\n  enabled, required, domain payments — the payments team\n  in the view; status ok, snapshot received \S+ \(\d+ bytes\)\n  changed \S+ by ci\n$/);

    const statusJson = JSON.parse((await cli(['hub', 'status', '--json'])).stdout);
    expect(statusJson).toMatchObject({ schema_version: 1, kind: 'hub-status', base_url: hub.url, complete: true, sources: 1, health: { status: 'ok', store: 'sqlite' } });

    const updated = await cli(['hub', 'update', 'payments', '--optional', '--description', 'payments']);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('  enabled, optional, domain payments — payments\n');

    const compose = await cli(['hub', 'compose']);
    expect(compose.stdout).toBe('payments: push\nthe view is complete\n');

    const removed = await cli(['hub', 'remove', 'payments']);
    expect(removed.stdout).toBe('removed payments\n');
    expect((await cli(['hub', 'list'])).stdout).toBe('no sources (register one: custodian hub register NAME [--url URL])\n');
  });

  it('says clearly what is wrong', { timeout: 180_000 }, async () => {
    const noHub = await cli(['hub', 'list'], { CUSTODIAN_HUB_URL: undefined });
    expect(noHub).toEqual({ code: 2, stdout: '', stderr: 'custodian: no hub given: pass --base-url URL or set CUSTODIAN_HUB_URL\n' });

    const port = await freePort();
    const down = await cli(['hub', 'status', '--base-url', `http://127.0.0.1:${port}`]);
    expect(down).toEqual({ code: 2, stdout: '', stderr: `custodian: cannot reach the hub at http://127.0.0.1:${port}: ECONNREFUSED\n` });

    const downJson = await cli(['hub', 'status', '--json', '--base-url', `http://127.0.0.1:${port}`]);
    expect(JSON.parse(downJson.stdout)).toEqual({ schema_version: 1, kind: 'error', code: 'internal', message: `cannot reach the hub at http://127.0.0.1:${port}: ECONNREFUSED` });

    const noToken = await cli(['hub', 'register', 'x'], { CUSTODIAN_HUB_TOKEN: undefined });
    expect(noToken).toEqual({ code: 2, stdout: '', stderr: 'custodian: this needs a write token: set CUSTODIAN_HUB_TOKEN\n' });

    const wrongToken = await cli(['hub', 'register', 'x'], { CUSTODIAN_HUB_TOKEN: OTHER_TOKEN });
    expect(wrongToken).toEqual({
      code: 1,
      stdout: '',
      stderr: `custodian: the hub at ${hub.url} refused: the bearer token is not valid for this hub (check CUSTODIAN_HUB_TOKEN)\n`,
    });
    expect(wrongToken.stderr).not.toContain(OTHER_TOKEN);

    const missing = await cli(['hub', 'show', 'nope']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'custodian: the hub answered 404: no source nope (GET /v1/sources lists them)\n' });

    const invalid = await cli(['hub', 'register', 'Bad Name']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe('custodian: the hub answered 400: body/name must match pattern "^[a-z0-9][a-z0-9_-]*$"\n');

    const plainHttp = await cli(['hub', 'register', 'web', '--url', 'http://example.org/s.json']);
    expect(plainHttp.stderr).toBe('custodian: the hub answered 400: plain http to example.org is not allowed (use https, or list the host in --allow-http-host)\n');

    const pushToNothing = await cli(['-w', payments, 'hub', 'push', 'nope']);
    expect(pushToNothing.code).toBe(1);
    expect(pushToNothing.stderr).toBe('custodian: the hub answered 404: no source nope (register it first: POST /v1/sources with no url)\n');

    const notHub = await cli(['hub', 'list', '--base-url', `${hub.url}/health/`]);
    expect(notHub.code).toBe(1);
    expect(notHub.stderr).toMatch(/^custodian: the hub answered 404: no endpoint GET \/health\/v1\/sources/);

    const contradiction = await cli(['hub', 'update', 'x', '--enable', '--disable']);
    expect(contradiction).toEqual({ code: 2, stdout: '', stderr: 'custodian: --enable and --disable contradict each other\n' });
  });
});
