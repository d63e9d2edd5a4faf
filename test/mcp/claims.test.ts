// Claims and edits through the MCP tools: `next` with `as` and `claim`, and `task_update` with
// `claim`, `release` and `fields`, answer with the CLI's documents and refuse with the CLI's
// conflicts (`reason` taken | changed | not-ready, and the task's `current` state). The server
// process is the real one, driven by the SDK's client; the CLI runs beside it on the same files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveFixtureCopy } from './client.js';

const { root, mcp, cli } = serveFixtureCopy('2026-12-01T12:00:00Z');
const showTask = (id: string) => cli('task', 'show', id, '--json').json.task;

describe('next with as and claim', () => {
  it('proposes for `as` as the CLI does, then claims in the same step: the CLI then finds the same task held by that agent', async () => {
    const proposed = await mcp.doc('next', { as: 'agent-a' });
    expect(proposed).toEqual(cli('next', '--as', 'agent-a', '--json').json);
    expect(proposed.task.id).toBe('LEDG-WP-0001-T03');

    const claimed = await mcp.doc('next', { as: 'agent-a', claim: true });
    expect(claimed).toMatchObject({ kind: 'next', claimed: true, task: { id: 'LEDG-WP-0001-T03', status: 'in_progress', assignee: 'agent-a' } });
    expect(readFileSync(join(root(), 'repos/ledger-api', claimed.task.file), 'utf8')).toContain('assignee: agent-a');
    // The agent's own in_progress task comes first: the CLI claims it again, changing nothing.
    expect(cli('next', '--as', 'agent-a', '--claim', '--json').json).toEqual(claimed);

    // Another agent is given the next task, not the one agent-a holds.
    const other = await mcp.doc('next', { as: 'agent-b', claim: true });
    expect(other.task.id).not.toBe('LEDG-WP-0001-T03');
    expect(other.task.assignee).toBe('agent-b');
    expect(showTask(other.task.id)).toMatchObject({ status: 'in_progress', assignee: 'agent-b' });
  });

  it('refuses claim without as, as the CLI refuses --claim without --as', async () => {
    const refused = await mcp.error('next', { claim: true });
    const cliRefused = cli('next', '--claim', '--json');
    expect(cliRefused.code).toBe(2);
    expect(refused).toEqual(cliRefused.json);
  });
});

describe('task_update claim and release: the CLI conflict semantics', () => {
  it('refuses a task someone else holds (taken) and one whose dependency is not done (not-ready), with the current state', async () => {
    const taken = await mcp.error('task_update', { id: 'LEDG-WP-0001-T02', claim: true, as: 'agent-b' });
    const cliTaken = cli('task', 'claim', 'LEDG-WP-0001-T02', '--as', 'agent-b', '--json');
    expect(cliTaken.code).toBe(1);
    expect(taken).toEqual(cliTaken.json);
    expect(taken).toMatchObject({ code: 'conflict', reason: 'taken', current: { status: 'in_progress', assignee: 'agent-7' } });

    const notReady = await mcp.error('task_update', { id: 'LEDG-WP-0001-T04', claim: true, as: 'agent-b' });
    expect(notReady).toEqual(cli('task', 'claim', 'LEDG-WP-0001-T04', '--as', 'agent-b', '--json').json);
    expect(notReady).toMatchObject({ code: 'conflict', reason: 'not-ready', current: { status: 'todo', assignee: null } });
    expect(showTask('LEDG-WP-0001-T04')).toMatchObject({ status: 'todo', assignee: null });
  });

  it('refuses a status edit whose expected status is stale (changed)', async () => {
    const stale = await mcp.error('task_update', { id: 'LEDG-42', status: 'done', if_status: 'in_progress' });
    expect(stale).toEqual(cli('task', 'status', 'LEDG-42', 'done', '--if-status', 'in_progress', '--json').json);
    expect(stale).toMatchObject({ code: 'conflict', reason: 'changed', current: { status: 'todo', assignee: null } });
  });

  it('claims and releases a task, each the CLI document (dry runs compared, then the real edits)', async () => {
    const preview = await mcp.doc('task_update', { id: 'LEDG-42', claim: true, as: 'agent-c', dry_run: true });
    expect(preview).toEqual(cli('task', 'claim', 'LEDG-42', '--as', 'agent-c', '--dry-run', '--json').json);
    expect(preview).toMatchObject({ kind: 'claim', changed: true, written: false });
    expect(preview.diff).toContain('+assignee: agent-c');
    expect(showTask('LEDG-42')).toMatchObject({ status: 'todo', assignee: null });

    const claimed = await mcp.doc('task_update', { id: 'LEDG-42', claim: true, as: 'agent-c' });
    expect(claimed).toMatchObject({ kind: 'claim', changed: true, written: true, task: { status: 'in_progress', assignee: 'agent-c' } });
    expect(claimed.task).toEqual(showTask('LEDG-42'));
    // Claiming again as the holder changes nothing, as the CLI's claim does.
    expect(await mcp.doc('task_update', { id: 'LEDG-42', claim: true, as: 'agent-c' })).toEqual(cli('task', 'claim', 'LEDG-42', '--as', 'agent-c', '--json').json);

    const notYours = await mcp.error('task_update', { id: 'LEDG-42', release: true, as: 'agent-d' });
    expect(notYours).toEqual(cli('task', 'release', 'LEDG-42', '--as', 'agent-d', '--json').json);
    expect(notYours).toMatchObject({ reason: 'taken', current: { status: 'in_progress', assignee: 'agent-c' } });

    expect(await mcp.doc('task_update', { id: 'LEDG-42', release: true, as: 'agent-c', dry_run: true })).toEqual(
      cli('task', 'release', 'LEDG-42', '--as', 'agent-c', '--dry-run', '--json').json,
    );
    const released = await mcp.doc('task_update', { id: 'LEDG-42', release: true, as: 'agent-c' });
    expect(released).toMatchObject({ kind: 'release', changed: true, task: { status: 'todo', assignee: null } });
    expect(released.task).toEqual(showTask('LEDG-42'));
  });

  it('needs as to claim', async () => {
    expect(await mcp.error('task_update', { id: 'LEDG-42', claim: true })).toMatchObject({ code: 'usage', message: 'claim needs as: who takes the task' });
  });
});

describe('task_update fields: the CLI task set', () => {
  it('sets and removes keys as `task set key=value…`, a dry run first', async () => {
    const fields = { priority: 'low', estimate: 3, needs_human: false, depends_on: ['LEDG-43'], owner: null };
    const assignments = ['priority=low', 'estimate=3', 'needs_human=false', 'depends_on=LEDG-43', 'owner='];
    const preview = await mcp.doc('task_update', { id: 'LEDG-WP-0002-T02', fields, dry_run: true });
    expect(preview).toEqual(cli('task', 'set', 'LEDG-WP-0002-T02', ...assignments, '--dry-run', '--json').json);
    expect(preview).toMatchObject({ changed: true, written: false });

    const done = await mcp.doc('task_update', { id: 'LEDG-WP-0002-T02', fields });
    expect(done).toMatchObject({ kind: 'task', changed: true, written: true, task: { priority: 'low', depends_on: ['LEDG-43'] } });
    expect(done.task).toEqual(showTask('LEDG-WP-0002-T02'));
    expect(done.task.fields.estimate).toBe(3);
  });

  it('refuses what task set refuses: the status key, an unknown dependency, nothing to set', async () => {
    expect(await mcp.error('task_update', { id: 'LEDG-42', fields: { status: 'done' } })).toEqual(cli('task', 'set', 'LEDG-42', 'status=done', '--json').json);
    expect(await mcp.error('task_update', { id: 'LEDG-42', fields: { depends_on: ['NOPE-1'] } })).toEqual(cli('task', 'set', 'LEDG-42', 'depends_on=NOPE-1', '--json').json);
    expect(await mcp.error('task_update', { id: 'LEDG-42', fields: {} })).toEqual(cli('task', 'set', 'LEDG-42', '--json').json);
    expect((await mcp.doc('next')).kind).toBe('next');
  });
});
