// The read operations called as a library: each returns the very document the CLI prints with
// --json, fails with a typed error, reports run-level warnings through onWarning, writes nothing
// to the terminal and leaves no index open.
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as api from '../../src/api/index.js';
import { dotGraph } from '../../src/cli/format/graph-dot.js';
import { mermaidGraph } from '../../src/cli/format/graph-mermaid.js';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { fixtureCopy, workspace } from '../dispatch/workspace.js';

let root: string;
beforeAll(() => {
  root = fixtureCopy();
});
afterAll(removeTempDirs);

const NOW = '2026-12-01T12:00:00Z';
const env = { ...process.env, CUSTODIAN_NOW: NOW };
const at = (): api.WorkspaceOptions => ({ workspace: root, env });
const cli = (...args: string[]) => runCliJson(['-w', root, ...args], { env: { CUSTODIAN_NOW: NOW } });

/** File descriptors of this process open on an index (Linux: /proc/self/fd). */
function openIndexFiles(): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.includes('index.sqlite')) out.push(target);
    } catch {
      // closed while listing
    }
  }
  return out;
}

afterEach(() => {
  expect(openIndexFiles()).toEqual([]);
});

describe('the read operations return the CLI --json document', () => {
  it('next, across every repo and in one', async () => {
    expect(await api.next(at())).toEqual(cli('next', '--json').json);
    expect(await api.next({ ...at(), repo: 'ledger-cli', includeHuman: true })).toEqual(cli('next', 'ledger-cli', '--include-human', '--json').json);
  });

  it('task list (filtered) and task show', async () => {
    expect(await api.taskList({ ...at(), repos: ['ledger-api'], statuses: ['wip'] })).toEqual(
      cli('task', 'list', '--repo', 'ledger-api', '--status', 'wip', '--json').json,
    );
    const doc = await api.taskShow({ ...at(), id: 'LEDG-WP-0001-T02' });
    expect(doc.kind).toBe('task');
    expect(doc.task.depends_on).toEqual(['LEDG-WP-0001-T01']);
    expect(doc).toEqual(cli('task', 'show', 'LEDG-WP-0001-T02', '--json').json);
  });

  it('workplan list and workplan show', async () => {
    expect(await api.workplanList({ ...at(), domains: ['payments'] })).toEqual(cli('workplan', 'list', '--domain', 'payments', '--json').json);
    expect(await api.workplanShow({ ...at(), id: 'ledger-api:LEDG-WP-0001' })).toEqual(cli('workplan', 'show', 'ledger-api:LEDG-WP-0001', '--json').json);
  });

  it('dispatch, with the default limit of 50 and with limit 1', async () => {
    const strip = (doc: { last_state_synced_at: string | null }) => ({ ...doc, last_state_synced_at: 'T' });
    expect(strip(await api.dispatch({ ...at(), repo: 'ledger-api' }))).toEqual(strip(cli('dispatch', 'ledger-api', '--json').json));
    const limited = await api.dispatch({ ...at(), repo: 'ledger-api', limit: 1 });
    expect(limited.ready_tasks).toHaveLength(1);
    expect(strip(limited)).toEqual(strip(cli('dispatch', 'ledger-api', '--limit', '1', '--json').json));
  });

  it('doi, for every repo and for one', async () => {
    expect(await api.doi(at())).toEqual(cli('doi', '--json').json);
    expect(await api.doi({ ...at(), repo: 'docs-site' })).toEqual(cli('doi', 'docs-site', '--json').json);
  });

  it('sync (its duration and re-reads aside)', async () => {
    // A sync settles racy files (read too soon after a change to trust their stamps): whether it
    // re-reads them depends on the clock, so the count of files read is not compared.
    const strip = (doc: { duration_ms: number; files: object }) => ({ ...doc, duration_ms: 0, files: { ...doc.files, read: 0 } });
    const doc = await api.sync(at());
    expect(doc).toMatchObject({ schema_version: 1, kind: 'sync-report', repos: 3, full: false });
    expect(strip(doc)).toEqual(strip(cli('sync', '--json').json));
    expect(strip(await api.sync({ ...at(), full: true }))).toEqual(strip(cli('sync', '--full', '--json').json));
  });

  it('graph: the document the CLI draws as Mermaid and dot', async () => {
    const whole = await api.graph(at());
    expect(whole).toMatchObject({ schema_version: 1, kind: 'graph', repo_slug: null });
    expect(whole.nodes.length).toBeGreaterThan(0);
    expect(runCli(['-w', root, 'graph']).stdout).toBe(mermaidGraph(whole, true));
    const one = await api.graph({ ...at(), repo: 'ledger-cli' });
    expect(one.repo_slug).toBe('ledger-cli');
    expect(runCli(['-w', root, 'graph', 'ledger-cli', '--format', 'dot']).stdout).toBe(dotGraph(one, false));
  });
});

describe('errors, warnings and the terminal', () => {
  it('fails with typed errors, closing the index', async () => {
    await expect(api.next({ ...at(), repo: 'nope' })).rejects.toMatchObject({ name: 'CustodianError', code: 'not-found' });
    await expect(api.taskShow({ ...at(), id: 'NOPE-T1' })).rejects.toMatchObject({ code: 'not-found', message: 'no task NOPE-T1 in the workspace' });
    await expect(api.taskList({ ...at(), statuses: ['weird'] })).rejects.toMatchObject({ code: 'usage' });
    await expect(api.dispatch({ ...at(), repo: 'ledger-api', limit: -1 })).rejects.toMatchObject({ code: 'usage' });
    const error = await api.workplanShow({ ...at(), id: 'NOPE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.CustodianError);
  });

  it('a duplicated id is ambiguous, with the candidates as data', async () => {
    const taskFile = (id: string) => `---\nid: ${id}\ntitle: Task ${id}\n---\n`;
    const dup = workspace([{ slug: 'a' }, { slug: 'b' }], {
      'repos/a/docs/tasks/X-T1.md': taskFile('X-T1'),
      'repos/b/docs/tasks/X-T1.md': taskFile('X-T1'),
    });
    const error = await api.taskShow({ workspace: dup, id: 'X-T1' }).catch((e: api.CustodianError) => e);
    expect(error).toMatchObject({ code: 'ambiguous' });
    expect((error as api.CustodianError).details).toEqual({
      candidates: [
        { repo_slug: 'a', id: 'X-T1', file: 'docs/tasks/X-T1.md', line: 1, ref: 'a:X-T1' },
        { repo_slug: 'b', id: 'X-T1', file: 'docs/tasks/X-T1.md', line: 1, ref: 'b:X-T1' },
      ],
    });
    expect((await api.taskShow({ workspace: dup, id: 'b:X-T1' })).task.repo_slug).toBe('b');
  });

  it('reports a missing checkout through onWarning and writes nothing to stdout or stderr', async () => {
    const ws = workspace([{ slug: 'here' }, { slug: 'gone' }], { 'repos/here/workplans/.keep': '' });
    const warnings: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const doc = await api.sync({ workspace: ws, onWarning: (m) => warnings.push(m) });
      expect(doc.unreachable_repos).toEqual(['gone']);
      await api.taskList({ workspace: ws, onWarning: (m) => warnings.push(m) });
      await api.next({ workspace: ws });
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(warnings).toEqual(['repo gone: checkout not found on this host', 'repo gone: checkout not found on this host']);
    const cliRun = runCli(['-w', ws, 'task', 'list', '--json']);
    expect(cliRun.stderr).toBe('custodian: warning: repo gone: checkout not found on this host\n');
  });

  it('sync: false answers from the index as it is; the default syncs first', async () => {
    const ws = fixtureCopy();
    await api.sync({ workspace: ws });
    const file = join(ws, 'repos/ledger-cli/workplans/LCLI-WP-0001-currency-flag.md');
    expect((await api.taskShow({ workspace: ws, id: 'LCLI-WP-0001-T01' })).task.status).toBe('todo');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: LCLI-WP-0001-T01\nstatus: todo', 'id: LCLI-WP-0001-T01\nstatus: done'));
    const stale = await api.taskShow({ workspace: ws, id: 'LCLI-WP-0001-T01', sync: false });
    expect(stale.task.status).toBe('todo');
    const fresh = await api.taskShow({ workspace: ws, id: 'LCLI-WP-0001-T01' });
    expect(fresh.task.status).toBe('done');
  });
});
