// Every tool of `custodian mcp`, through the SDK's client against the real server process, answers
// with the document the CLI prints with --json for the same question.
import { describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/git-repo.js';
import { serveFixtureCopy } from './client.js';

const { root, mcp, cli } = serveFixtureCopy('2026-12-01T12:00:00Z');

const TOOL_NAMES = ['next', 'dispatch', 'show', 'list', 'task_update', 'check', 'doi', 'registry'];

describe('what the server offers', () => {
  it('lists the eight tools of DESIGN, each with a short description, a closed and bounded schema, and annotations', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.description!.length).toBeLessThanOrEqual(300);
      expect(tool.inputSchema.type).toBe('object');
      expect((tool.inputSchema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
      expect(typeof tool.annotations?.readOnlyHint).toBe('boolean');
      expect(tool.annotations?.openWorldHint).toBe(false);
      for (const [name, property] of Object.entries(tool.inputSchema.properties ?? {}) as [string, Record<string, unknown>][]) {
        // Every string, number and list is bounded (or an enum), so no argument is open-ended.
        const bounded = 'enum' in property || 'maxLength' in property || 'maximum' in property || 'maxItems' in property || property.type === 'boolean' || 'additionalProperties' in property;
        expect(bounded, `${tool.name}.${name}`).toBe(true);
      }
    }
    const readOnly = Object.fromEntries(tools.map((t) => [t.name, t.annotations?.readOnlyHint]));
    expect(readOnly).toEqual({ next: false, dispatch: true, show: true, list: true, task_update: false, check: true, doi: true, registry: false });
    expect(tools.find((t) => t.name === 'registry')?.annotations?.destructiveHint).toBe(true);
    expect(tools.find((t) => t.name === 'task_update')?.annotations?.destructiveHint).toBe(false);
  });

  it('serves the guide as a resource', async () => {
    const { resources } = await mcp.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['custodian://guide']);
    const { contents } = await mcp.client.readResource({ uri: 'custodian://guide' });
    expect(contents[0].mimeType).toBe('text/markdown');
    expect('text' in contents[0] ? contents[0].text : '').toContain('## The loop');
    await expect(mcp.client.readResource({ uri: 'custodian://nope' })).rejects.toThrow(/no resource custodian:\/\/nope/);
  });
});

describe('each tool answers with the CLI --json document', () => {
  it('next, across every repo and in one repo with human tasks', async () => {
    expect(await mcp.doc('next')).toEqual(cli('next', '--json').json);
    expect(await mcp.doc('next', { repo: 'ledger-cli', include_human: true })).toEqual(cli('next', 'ledger-cli', '--include-human', '--json').json);
  });

  it('dispatch, with the default limit and with limit 1', async () => {
    const strip = (doc: { last_state_synced_at: string | null }) => ({ ...doc, last_state_synced_at: 'T' });
    expect(strip(await mcp.doc('dispatch', { repo: 'ledger-api' }))).toEqual(strip(cli('dispatch', 'ledger-api', '--json').json));
    const one = await mcp.doc('dispatch', { repo: 'ledger-api', limit: 1 });
    expect(one.ready_tasks).toHaveLength(1);
    expect(strip(one)).toEqual(strip(cli('dispatch', 'ledger-api', '--limit', '1', '--json').json));
  });

  it('show: a task, a workplan (found without kind), and only some sections', async () => {
    expect(await mcp.doc('show', { id: 'LEDG-WP-0001-T02' })).toEqual(cli('task', 'show', 'LEDG-WP-0001-T02', '--json').json);
    expect(await mcp.doc('show', { id: 'LEDG-WP-0001' })).toEqual(cli('workplan', 'show', 'LEDG-WP-0001', '--json').json);
    expect(await mcp.doc('show', { id: 'ledger-api:LEDG-WP-0001', kind: 'workplan' })).toEqual(cli('workplan', 'show', 'ledger-api:LEDG-WP-0001', '--json').json);
    const full = cli('task', 'show', 'LEDG-WP-0001-T02', '--json').json;
    const { description, fields, acceptance_criteria: _criteria, ...rest } = full.task;
    expect(await mcp.doc('show', { id: 'LEDG-WP-0001-T02', sections: ['description', 'fields'] })).toEqual({ ...full, task: { ...rest, description, fields } });
    expect(await mcp.doc('show', { id: 'GOAL-1' })).toEqual(cli('goal', 'show', 'GOAL-1', '--json').json);
    expect(await mcp.doc('show', { id: 'IC-7' })).toEqual(cli('interface-change', 'show', 'IC-7', '--json').json);
    expect(await mcp.doc('show', { id: 'ADR-3', kind: 'decision' })).toEqual(cli('decision', 'show', 'ADR-3', '--json').json);
    const missing = await mcp.error('show', { id: 'NOPE-1' });
    expect(missing).toEqual({ schema_version: 1, kind: 'error', code: 'not-found', message: 'no task, workplan, goal, interface change or decision NOPE-1 in the workspace' });
  });

  it('list: the CLI items, ids and titles, page by page', async () => {
    const all = cli('task', 'list', '--json').json;
    const project = (items: any[]) => items.map((t) => ({ id: t.id, title: t.title, status: t.status, repo_slug: t.repo_slug }));
    const seen: unknown[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await mcp.doc('list', { limit: 5, ...(cursor ? { cursor } : {}) });
      expect(page).toMatchObject({ schema_version: 1, kind: 'task-list', mode: all.mode, total: all.items.length });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.items.length / 5));
    expect(seen).toEqual(project(all.items));

    const workplans = cli('workplan', 'list', '--domain', 'payments', '--status', 'active', '--json').json;
    const page = await mcp.doc('list', { kind: 'workplan', domain: 'payments', status: 'active' });
    expect(page.items).toEqual(project(workplans.items));
    expect(page.next_cursor).toBeNull();
  });

  it('list: the task filters (assignee, priority, ready) and the other kinds, as their CLI lists', async () => {
    const project = (items: any[]) => items.map((t) => ({ id: t.id, title: t.title, status: t.status, repo_slug: t.repo_slug }));
    const ready = await mcp.doc('list', { ready: true, priority: 'high,critical' });
    const cliReady = cli('task', 'list', '--ready', '--priority', 'high', '--priority', 'critical', '--json').json;
    expect(ready.items).toEqual(project(cliReady.items));
    expect(ready.items.length).toBeGreaterThan(1);
    expect((await mcp.doc('list', { assignee: 'agent-7' })).items).toEqual(project(cli('task', 'list', '--assignee', 'agent-7', '--json').json.items));
    for (const kind of ['goal', 'interface-change', 'decision']) {
      const listed = cli(kind, 'list', '--json').json;
      const page = await mcp.doc('list', { kind });
      expect(page).toMatchObject({ kind: listed.kind, total: listed.items.length, next_cursor: null });
      expect(page.items).toEqual(project(listed.items));
      expect(page.items.length).toBeGreaterThan(0);
    }
    expect(await mcp.error('list', { kind: 'goal', ready: true })).toMatchObject({ code: 'usage', message: 'ready filter tasks only, not goal documents' });
  });

  it('list with query: the CLI search, every match best first, kind, id and title of each', async () => {
    const found = cli('search', 'currency', '--limit', '0', '--json').json;
    expect(found.items.length).toBeGreaterThan(3);
    const first = await mcp.doc('list', { query: 'currency', limit: 2 });
    expect(first).toMatchObject({ schema_version: 1, kind: 'search', query: 'currency', total: found.items.length });
    const rest = await mcp.doc('list', { query: 'currency', limit: 200, cursor: first.next_cursor });
    const project = (items: any[]) => items.map((t) => ({ kind: t.kind, id: t.id, title: t.title, status: t.status, repo_slug: t.repo_slug }));
    expect([...first.items, ...rest.items]).toEqual(project(found.items));
    const tasks = cli('search', 'currency', '--kind', 'task', '--limit', '0', '--json').json;
    expect((await mcp.doc('list', { query: 'currency', kind: 'task' })).items).toEqual(project(tasks.items));
    expect(await mcp.error('list', { query: 'currency', assignee: 'x' })).toMatchObject({ code: 'usage' });
  });

  it('list: a cursor from another question is refused', async () => {
    const first = await mcp.doc('list', { limit: 2 });
    const error = await mcp.error('list', { limit: 2, status: 'todo', cursor: first.next_cursor });
    expect(error).toMatchObject({ code: 'usage', message: expect.stringMatching(/^cursor: it belongs to a question with other arguments/) });
    expect(await mcp.error('list', { cursor: 'garbage' })).toMatchObject({ code: 'usage' });
  });

  it('check: the counts whole, the first diagnostics', async () => {
    const report = runCliJson(['-w', root(), 'check', '--format', 'json']).json;
    const answer = await mcp.doc('check', { limit: 1 });
    expect(answer).toEqual({ ...report, diagnostics: report.diagnostics.slice(0, 1), truncated: report.diagnostics.length > 1 });
    const repo = runCliJson(['-w', root(), 'check', '--repo', 'ledger-api', '--format', 'json']).json;
    expect(await mcp.doc('check', { repo: 'ledger-api', limit: 100 })).toEqual({ ...repo, truncated: false });
  });

  it('doi: every repo, a page at a time, and one repo', async () => {
    const report = cli('doi', '--json').json;
    const first = await mcp.doc('doi', { limit: 2 });
    expect(first).toMatchObject({ schema_version: 1, kind: 'doi-report', mode: report.mode, total: report.items.length });
    const second = await mcp.doc('doi', { limit: 2, cursor: first.next_cursor });
    expect([...first.items, ...second.items]).toEqual(report.items);
    expect(second.next_cursor).toBeNull();
    expect((await mcp.doc('doi', { repo: 'docs-site' })).items).toEqual(cli('doi', 'docs-site', '--json').json.items);
  });

  it('registry: lists, and edits as dry runs and for real', async () => {
    const domains = cli('domain', 'list', '--json').json;
    expect(await mcp.doc('registry', { action: 'domain_list' })).toEqual({ ...domains, total: domains.items.length, next_cursor: null });
    const repos = cli('repo', 'list', '--domain', 'payments', '--json').json;
    expect((await mcp.doc('registry', { action: 'repo_list', domain: 'payments' })).items).toEqual(repos.items);
    const preview = await mcp.doc('registry', { action: 'domain_create', slug: 'ops', name: 'Operations', dry_run: true });
    expect(preview).toEqual(cli('domain', 'add', 'ops', '--name', 'Operations', '--dry-run', '--json').json);
    expect(preview.changed).toBe(true);
    const archived = await mcp.doc('registry', { action: 'repo_archive', slug: 'docs-site' });
    expect(archived).toMatchObject({ kind: 'repo-archive', changed: true, dry_run: false, repo: { slug: 'docs-site', status: 'archived' } });
    expect(cli('repo', 'show', 'docs-site', '--json').json.repo.status).toBe('archived');
    expect(await mcp.error('registry', { action: 'domain_archive', slug: 'payments', path: 'x' })).toMatchObject({
      code: 'usage',
      message: 'domain_archive does not take path (it takes slug, dry_run)',
    });
    expect(await mcp.error('registry', { action: 'domain_archive', slug: 'payments' })).toEqual(cli('domain', 'archive', 'payments', '--json').json);
  });

  it('task_update: a status edit lands in the file, and a failed compare-and-set is the CLI conflict', async () => {
    const before = cli('task', 'show', 'DOCS-9', '--json').json.task;
    const refused = await mcp.error('task_update', { id: 'DOCS-9', status: 'done', if_status: 'blocked' });
    const cliRefused = cli('task', 'status', 'DOCS-9', 'done', '--if-status', 'blocked', '--json');
    expect(cliRefused.code).toBe(1);
    expect(refused).toEqual(cliRefused.json);
    expect(refused.code).toBe('conflict');
    const done = await mcp.doc('task_update', { id: 'DOCS-9', status: 'done', if_status: before.status });
    expect(done).toMatchObject({ kind: 'task', changed: true, previous_status: before.status });
    expect(done.task).toEqual(cli('task', 'show', 'DOCS-9', '--json').json.task);
    expect(done.task.status).toBe('done');
  });
});

describe('bad arguments are tool errors, and the server lives on', () => {
  it('answers a wrong type, an unknown argument, an out-of-range number and a missing id with usage errors', async () => {
    expect(await mcp.error('next', { repo: 7 })).toMatchObject({ schema_version: 1, kind: 'error', code: 'usage', message: expect.stringMatching(/^invalid arguments for next: repo: /) });
    expect(await mcp.error('next', { bogus: true })).toMatchObject({ code: 'usage', message: expect.stringContaining('bogus') });
    expect(await mcp.error('list', { limit: 1000 })).toMatchObject({ code: 'usage', message: expect.stringMatching(/limit: Too big/) });
    expect(await mcp.error('show', {})).toMatchObject({ code: 'usage', message: expect.stringMatching(/id: /) });
    expect(await mcp.error('task_update', { id: 'DOCS-9' })).toMatchObject({ code: 'usage', message: 'task_update takes exactly one of status, claim, release or fields' });
    expect(await mcp.error('dispatch', { repo: 'nope' })).toEqual(cli('dispatch', 'nope', '--json').json);
    await expect(mcp.client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(/no tool nope/);
    expect((await mcp.doc('next')).kind).toBe('next');
  });
});
