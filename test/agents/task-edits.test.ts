// task add and task set through the real CLI: each edit changes only the intended lines (a diff of
// the file before and after), values are checked before writing, and the workspace still checks clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { snapshot, workspace } from '../dispatch/workspace.js';

afterAll(removeTempDirs);

const FENCE = '```';
const PLAN = 'repos/app/workplans/APP-WP-1.md';
const LISTED = 'repos/app/workplans/APP-WP-2.md';
const FILE = 'repos/app/docs/tasks/APP-9.md';

function fresh(): string {
  return workspace([{ slug: 'app' }], {
    [PLAN]: [
      '---', 'id: APP-WP-1', 'status: active', '---', '', '# Plan', '', '## Build', '', '### Parser', '', `${FENCE}task`, 'id: APP-WP-1-T01', 'status: done', FENCE, '', 'Parse it.', '',
      '### Writer', '', `${FENCE}task`, 'id: APP-WP-1-T02', 'priority: medium  # for now', 'depends_on: [APP-WP-1-T01]', FENCE, '', 'Write it.', '', '## Notes', '', 'Kept as is.', '',
    ].join('\n'),
    [LISTED]: ['---', 'id: APP-WP-2', 'status: active', 'tasks:', '  - id: T01', '    title: Only', '    status: todo', '---', '', '# Listed', ''].join('\n'),
    [FILE]: ['---', 'id: APP-9', 'title: Standalone', 'status: todo', 'risk: medium', '---', '', '## Description', '', 'Alone.', ''].join('\n'),
  });
}

/** Lines removed and added, as a line diff of the whole file would show them. */
function changed(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let s = 0;
  while (s < a.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return { at: s + 1, removed: a.slice(s, a.length - e), added: b.slice(s, b.length - e) };
}

describe('task add', () => {
  it('appends a block after the last task section with the next id, and a list item to a list workplan', async () => {
    const root = fresh();
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const before = read(PLAN);
    const added = await runCliJsonAsync(['-w', root, 'task', 'add', 'APP-WP-1', '--title', 'Reader', '--priority', 'high', '--depends-on', 'T02', '--description', 'Read it back.', '--json']);
    expect(added).toMatchObject({ code: 0, json: { kind: 'task', changed: true, written: true, task: { id: 'APP-WP-1-T03', title: 'Reader', status: 'todo', priority: 'high', depends_on: ['T02'], line: 31 } } });
    expect(changed(before, read(PLAN))).toEqual({
      at: 29,
      removed: [],
      added: ['### Reader', '', `${FENCE}task`, 'id: APP-WP-1-T03', 'status: todo', 'priority: high', 'depends_on: [T02]', FENCE, '', 'Read it back.', ''],
    });
    const listBefore = read(LISTED);
    expect((await runCliJsonAsync(['-w', root, 'task', 'add', 'APP-WP-2', '--title', 'Second', '--json'])).json.task).toMatchObject({ id: 'APP-WP-2-T02', title: 'Second' });
    expect(changed(listBefore, read(LISTED))).toEqual({ at: 8, removed: [], added: ['  - id: T02', '    title: Second', '    status: todo'] });
    expect((await runCliJsonAsync(['-w', root, 'check', '--format', 'json'])).json.diagnostics).toEqual([]);
  });

  it('refuses an unknown workplan or dependency and bad values; --dry-run writes nothing', async () => {
    const root = fresh();
    const before = snapshot(root);
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    expect(await cli('task', 'add', 'NOPE', '--title', 'X', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(await cli('task', 'add', 'APP-WP-1', '--title', 'X', '--depends-on', 'T09', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(await cli('task', 'add', 'APP-WP-1', '--title', 'X', '--priority', 'asap', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'add', 'APP-WP-1', '--title', ' ', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    const dry = await runCliAsync(['-w', root, 'task', 'add', 'APP-WP-2', '--title', 'Dry', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+  - id: T02\n+    title: Dry\n+    status: todo\n');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('task set', () => {
  it('changes, inserts and removes keys and dependencies in place, and nothing else', async () => {
    const root = fresh();
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    let before = read(PLAN);
    expect(await cli('task', 'set', 'APP-WP-1-T02', 'priority=high', 'needs_human=true', '--json')).toMatchObject({ code: 0, json: { changed: true, task: { priority: 'high', needs_human: true } } });
    expect(changed(before, read(PLAN))).toEqual({ at: 23, removed: ['priority: medium  # for now', 'depends_on: [APP-WP-1-T01]'], added: ['priority: high  # for now', 'depends_on: [APP-WP-1-T01]', 'needs_human: true'] });
    before = read(PLAN);
    expect((await cli('task', 'set', 'APP-WP-1-T02', 'needs_human=', '--remove-dep', 'T01', '--json')).json.task).toMatchObject({ needs_human: false, depends_on: [] });
    expect(changed(before, read(PLAN))).toEqual({ at: 24, removed: ['depends_on: [APP-WP-1-T01]', 'needs_human: true'], added: ['depends_on: []'] });
    before = read(FILE);
    expect((await cli('task', 'set', 'APP-9', 'risk=low', 'estimate=3', 'title=Not alone', 'assignee=bob', '--add-dep', 'APP-WP-1-T01', '--json')).json.task).toMatchObject({
      title: 'Not alone',
      assignee: 'bob',
      depends_on: ['APP-WP-1-T01'],
      fields: { risk: 'low', estimate: 3 },
    });
    expect(changed(before, read(FILE))).toEqual({
      at: 3,
      removed: ['title: Standalone', 'status: todo', 'risk: medium'],
      added: ['title: Not alone', 'status: todo', 'risk: low', 'estimate: 3', 'assignee: bob', 'depends_on:', '  - APP-WP-1-T01'],
    });
    // The same values again change nothing.
    expect((await cli('task', 'set', 'APP-9', 'risk=low', '--add-dep', 'APP-WP-1-T01', '--json')).json).toMatchObject({ changed: false, diff: '' });
    expect((await cli('check', '--format', 'json')).json.diagnostics).toEqual([]);
  });

  it('checks values before writing: vocabulary, types, schema, known ids, cycles; keys with their own command', async () => {
    const root = fresh();
    const before = snapshot(root);
    const cli = (...args: string[]) => runCliJsonAsync(['-w', root, ...args]);
    expect(await cli('task', 'set', 'APP-9', 'priority=urgent', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'set', 'APP-9', 'needs_human=maybe', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'set', 'APP-9', 'status=done', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'set', 'APP-9', 'id=X', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'set', 'APP-9', 'no-equals', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    expect(await cli('task', 'set', 'APP-9', '--json')).toMatchObject({ code: 2, json: { code: 'usage' } });
    // A free value is checked against the task schema too: `type` must name a document kind.
    expect(await cli('task', 'set', 'APP-9', 'type=memo', '--json')).toMatchObject({ code: 1, json: { code: 'refused' } });
    expect(await cli('task', 'set', 'APP-9', '--add-dep', 'NOPE-1', '--json')).toMatchObject({ code: 1, json: { code: 'not-found' } });
    expect(await cli('task', 'set', 'APP-WP-1-T01', '--add-dep', 'APP-WP-1-T02', '--json')).toMatchObject({
      code: 1,
      json: { code: 'refused', reason: 'cycle', message: 'APP-WP-1-T01 cannot depend on APP-WP-1-T02: that would close the cycle APP-WP-1-T01 → APP-WP-1-T02 → APP-WP-1-T01' },
    });
    expect(snapshot(root)).toEqual(before);
    const dry = await runCliAsync(['-w', root, 'task', 'set', 'APP-9', 'risk=high', '--dry-run']);
    expect(dry.stdout).toContain('-risk: medium\n+risk: high\n');
    expect(snapshot(root)).toEqual(before);
  });
});
