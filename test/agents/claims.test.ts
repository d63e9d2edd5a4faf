// Claims through the real CLI: claim and release in every form a task takes, the exact lines each
// edit changes, the refusals an agent acts on (conflict with reason and current), --dry-run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { snapshot, workspace } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

const FENCE = '```';
const BLOCKS = 'repos/app/workplans/APP-WP-1-blocks.md';
const LIST = 'repos/app/workplans/APP-WP-2-list.md';
const BOTH = 'repos/app/workplans/APP-WP-3-both.md';
const FILE = 'repos/app/docs/tasks/APP-9.md';

const files = {
  [BLOCKS]: [
    '---', 'id: APP-WP-1', 'status: active', '---', '', '# Blocks', '', '## First', '', `${FENCE}task`, 'id: T01', 'status: todo   # open', 'priority: high', FENCE, '', 'Do it.', '',
    '> ## Quoted', '>', `> ${FENCE}task`, '> id: T02', '> depends_on: [T01]', `> ${FENCE}`, '',
    '## Human', '', `${FENCE}task`, 'id: T03', 'needs_human: true', FENCE, '',
  ].join('\n'),
  [LIST]: ['---', 'id: APP-WP-2', 'status: active', 'tasks:', '  - id: T01', '    title: Listed', '    status: todo', '  - {id: T02, title: Flow}', '---', ''].join('\r\n'),
  [BOTH]: ['---', 'id: APP-WP-3', 'status: active', 'tasks:', '  - id: T01', '    status: todo', '---', '', '## T01', '', `${FENCE}task`, 'id: T01', 'status: todo', FENCE, ''].join('\n'),
  [FILE]: ['---', 'id: APP-9', 'title: Standalone', 'status: todo', 'priority: low', '---', '', '## Description', '', 'Alone.', ''].join('\n'),
};

/** The lines an edit removed and added, in order. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

describe('task claim and task release', () => {
  it('claims and releases in every form, changing only the status and assignee lines', async () => {
    const root = workspace([{ slug: 'app' }], files);
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const cases: [string, string, { removed: string[]; added: string[] }][] = [
      ['APP-WP-1-T01', BLOCKS, { removed: ['status: todo   # open'], added: ['status: in_progress   # open', 'assignee: agent-1'] }],
      ['APP-WP-2-T01', LIST, { removed: ['    status: todo'], added: ['    status: in_progress', '    assignee: agent-1'] }],
      ['APP-WP-2-T02', LIST, { removed: ['  - {id: T02, title: Flow}'], added: ['  - {id: T02, status: in_progress, assignee: agent-1, title: Flow}'] }],
      ['APP-9', FILE, { removed: ['status: todo'], added: ['status: in_progress', 'assignee: agent-1'] }],
    ];
    for (const [id, file, expected] of cases) {
      const before = read(file);
      const claimed = await runCliJsonAsync(['-w', root, 'task', 'claim', id, '--as', 'agent-1', '--json']);
      expect(claimed.code).toBe(0);
      expect(claimed.json).toMatchObject({ schema_version: 1, kind: 'claim', changed: true, written: true, push: null, task: { id, status: 'in_progress', assignee: 'agent-1' } });
      const after = read(file);
      expect(changedLines(before, after)).toEqual(expected);
      expect(after.includes('\r\n')).toBe(before.includes('\r\n'));
      const released = await runCliJsonAsync(['-w', root, 'task', 'release', id, '--json']);
      expect(released.json).toMatchObject({ kind: 'release', changed: true, task: { id, status: 'todo', assignee: null } });
      // A release restores a task that had a status line byte for byte.
      if (id !== 'APP-WP-2-T02') expect(read(file)).toBe(before);
    }
    expect((await runCliJsonAsync(['-w', root, 'check', '--format', 'json'])).json.error_count).toBe(0);
  });

  it('claims a task declared in both forms in both places, and the workplan still checks clean', async () => {
    const root = workspace([{ slug: 'app' }], files);
    const before = readFileSync(join(root, BOTH), 'utf8');
    expect((await runCliJsonAsync(['-w', root, 'task', 'claim', 'APP-WP-3-T01', '--as', 'agent-1', '--json'])).code).toBe(0);
    const after = readFileSync(join(root, BOTH), 'utf8');
    expect(after).toBe(before.replace('    status: todo', '    status: in_progress\n    assignee: agent-1').replace('id: T01\nstatus: todo\n', 'id: T01\nstatus: in_progress\nassignee: agent-1\n'));
    const check = await runCliJsonAsync(['-w', root, 'check', '--format', 'json']);
    expect(check.json.diagnostics.filter((d: any) => d.file.endsWith('APP-WP-3-both.md'))).toEqual([]);
  });

  it('refuses with conflict and a reason an agent can act on; claiming again as the holder changes nothing', async () => {
    const root = workspace([{ slug: 'app' }], files);
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    expect((await cli('task', 'claim', 'APP-9', '--as', 'agent-1', '--json')).code).toBe(0);
    const before = snapshot(root);
    expect(await cli('task', 'claim', 'APP-9', '--as', 'agent-2', '--json')).toEqual({
      code: 1,
      stderr: '',
      json: {
        schema_version: 1,
        kind: 'error',
        code: 'conflict',
        message: 'task APP-9 is taken (in_progress, held by agent-1); agent-2 cannot have it: do not retry',
        reason: 'taken',
        current: { status: 'in_progress', assignee: 'agent-1' },
      },
    });
    expect(await cli('task', 'claim', 'APP-9', '--as', 'agent-1', '--json')).toMatchObject({ code: 0, json: { changed: false, written: false, task: { assignee: 'agent-1' } } });
    // Not ready: a dependency not done, a task for a human, a task already done.
    expect(await cli('task', 'claim', 'APP-WP-1-T02', '--as', 'agent-2', '--json')).toMatchObject({
      code: 1,
      json: { code: 'conflict', reason: 'not-ready', current: { status: 'todo', assignee: null }, message: 'task APP-WP-1-T02 is not ready: it waits for APP-WP-1-T01 (not-done)' },
    });
    expect(await cli('task', 'claim', 'APP-WP-1-T03', '--as', 'agent-2', '--json')).toMatchObject({ code: 1, json: { reason: 'not-ready' } });
    // Releasing someone else's task as another name is taken; releasing it as nobody in particular works.
    expect(await cli('task', 'release', 'APP-9', '--as', 'agent-2', '--json')).toMatchObject({ code: 1, json: { reason: 'taken', current: { assignee: 'agent-1' } } });
    expect(await cli('task', 'claim', 'APP-9', '--as', ' ', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(snapshot(root)).toEqual(before);
    // The old way of holding a task (in progress, nobody named) is taken too.
    expect((await cli('task', 'status', 'APP-WP-1-T01', 'in_progress', '--json')).code).toBe(0);
    expect(await cli('task', 'claim', 'APP-WP-1-T01', '--as', 'agent-2', '--json')).toMatchObject({ code: 1, json: { reason: 'taken', current: { status: 'in_progress', assignee: null } } });
    // task status --if-status says the same things.
    expect(await cli('task', 'status', 'APP-WP-1-T01', 'in_progress', '--if-status', 'todo', '--json')).toMatchObject({ code: 1, json: { code: 'conflict', reason: 'taken', current: { status: 'in_progress' } } });
    expect(await cli('task', 'status', 'APP-WP-1-T01', 'done', '--if-status', 'todo', '--json')).toMatchObject({ code: 1, json: { code: 'conflict', reason: 'changed' } });
    expect(await cli('task', 'status', 'APP-WP-1-T01', 'done', '--json')).toMatchObject({ code: 0, json: { task: { status: 'done' } } });
    expect(await cli('task', 'release', 'APP-WP-1-T01', '--json')).toMatchObject({ code: 1, json: { reason: 'not-ready', current: { status: 'done' } } });
  });

  it('--dry-run prints the diff and writes nothing; the human view says what happened', async () => {
    const root = workspace([{ slug: 'app' }], files);
    const before = snapshot(root);
    const dry = await runCliAsync(['-w', root, 'task', 'claim', 'APP-9', '--as', 'agent-1', '--dry-run']);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout).toBe(
      ['--- a/docs/tasks/APP-9.md', '+++ b/docs/tasks/APP-9.md', '@@ -1,7 +1,8 @@', ' ---', ' id: APP-9', ' title: Standalone', '-status: todo', '+status: in_progress', '+assignee: agent-1', ' priority: low', ' ---', ' ', ''].join('\n'),
    );
    expect((await runCliJsonAsync(['-w', root, 'task', 'release', 'APP-9', '--dry-run', '--json'])).json).toMatchObject({ changed: false, written: false, diff: '' });
    expect(snapshot(root)).toEqual(before);
    expect((await runCliAsync(['-w', root, 'task', 'claim', 'APP-9', '--as', 'agent-1'])).stdout).toBe('app:APP-9: claimed by agent-1  (app/docs/tasks/APP-9.md:1)\n');
    expect((await runCliAsync(['-w', root, 'task', 'release', 'APP-9'])).stdout).toBe('app:APP-9: released (todo, no assignee)  (app/docs/tasks/APP-9.md:1)\n');
  });
});
