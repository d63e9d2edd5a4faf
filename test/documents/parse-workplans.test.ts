import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/documents/parse.js';

const md = (lines: string[]) => lines.join('\n') + '\n';

async function parse(file: string, text: string) {
  return parseFile(file, Buffer.from(text));
}

describe('workplans with fenced task blocks', () => {
  const text = md([
    '---',
    'id: WP-1',
    'status: in-progress',
    'owner: team-a',
    'custom_key: kept',
    '---',
    '',
    '# The plan',
    '',
    '## Phase 1',
    '',
    '### 1.1 — Create `domains` table',
    '',
    '```task',
    'id: WP-1-T01',
    'status: completed',
    'priority: High',
    'depends_on: [WP-1-T00, OTHER-9]',
    'estimate: 3d',
    '```',
    '',
    'The description of T01.',
    '',
    '#### A sub-heading stays in the description',
    '',
    'More.',
    '',
    '### 1.2 — Second',
    '',
    '~~~~ task extra words',
    'id: WP-1-T02',
    'title: Overridden title',
    'needs_human: true',
    '~~~~',
    '',
    '```task',
    'id: WP-1-T03',
    '```',
    '',
    '## Phase 2',
  ]);

  it('takes titles from the nearest heading, descriptions up to the next heading of the same or higher level', async () => {
    const result = await parse('workplans/WP-1.md', text);
    expect(result.diagnostics).toEqual([]);
    const [doc] = result.documents;
    expect(doc).toMatchObject({ kind: 'workplan', id: 'WP-1', title: 'The plan', status: 'active', status_raw: 'in-progress', line: 1, valid: true });
    expect(doc.fields).toMatchObject({ owner: 'team-a', custom_key: 'kept' });
    expect(doc.tasks.map((t) => [t.id, t.title, t.status, t.status_raw, t.priority, t.priority_raw, t.line, t.end_line])).toEqual([
      ['WP-1-T01', '1.1 — Create `domains` table', 'done', 'completed', 'high', 'High', 14, 20],
      ['WP-1-T02', 'Overridden title', 'todo', null, 'medium', null, 30, 34],
      ['WP-1-T03', '1.2 — Second', 'todo', null, 'medium', null, 36, 38],
    ]);
    const [t1, t2] = doc.tasks;
    expect(t1.depends_on).toEqual(['WP-1-T00', 'OTHER-9']);
    expect(t1.fields).toMatchObject({ estimate: '3d' });
    expect(t1.description).toBe('The description of T01.\n\n#### A sub-heading stays in the description\n\nMore.');
    expect(t1.description_lines).toEqual([22, 26]);
    expect(t2.needs_human).toBe(true);
    expect(t1.source).toMatchObject({ kind: 'block', yaml: 'id: WP-1-T01\nstatus: completed\npriority: High\ndepends_on: [WP-1-T00, OTHER-9]\nestimate: 3d' });
  });

  it('uses setext headings, a block with no heading takes its id as title', async () => {
    const result = await parse(
      'workplans/x.md',
      md(['---', 'id: WP-2', '---', '```task', 'id: WP-2-T1', '```', '', 'Setext title', '------------', '', '```task', 'id: WP-2-T2', '```']),
    );
    expect(result.documents[0].tasks.map((t) => [t.id, t.title])).toEqual([
      ['WP-2-T1', 'WP-2-T1'],
      ['WP-2-T2', 'Setext title'],
    ]);
  });

  it('follows CommonMark: a task fence inside a longer fence, indented code or an HTML comment is no task', async () => {
    const result = await parse(
      'workplans/x.md',
      md([
        '---',
        'id: WP-3',
        '---',
        '````markdown',
        '```task',
        'id: NOT-1',
        '```',
        '````',
        '',
        '    ```task',
        '    id: NOT-2',
        '    ```',
        '',
        '<!--',
        '```task',
        'id: NOT-3',
        '```',
        '-->',
        '',
        '- item',
        '',
        '  ```task',
        '  id: WP-3-T1',
        '  ```',
        '',
        '> ```task',
        '> id: WP-3-T2',
        '> ```',
        '',
        '   ~~~task',
        '   id: WP-3-T3',
        '   ~~~',
      ]),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0].tasks.map((t) => [t.id, t.line])).toEqual([
      ['WP-3-T1', 22],
      ['WP-3-T2', 26],
      ['WP-3-T3', 30],
    ]);
  });

  it('does not take `#` lines inside code for headings', async () => {
    const result = await parse(
      'workplans/x.md',
      md(['---', 'id: WP-4', '---', '## Real', '', '```sh', '# not a heading', '```', '', '```task', 'id: WP-4-T1', '```']),
    );
    expect(result.documents[0].tasks[0].title).toBe('Real');
  });
});

describe('workplans with a front-matter tasks list', () => {
  const text = md([
    '---',
    'id: WP-9',
    'type: workplan',
    'status: active',
    'tasks:',
    '  - id: T01',
    '    title: Connect the publisher',
    '    status: done',
    '  - id: T02',
    '    status: wip',
    '    depends_on: [T01]',
    '  - id: GLOBAL-7',
    '    title: A global id',
    'created: "2026-05-14"',
    '---',
    '',
    '# WP-9: Title',
    '',
    '### T01 — Connect the publisher',
    '',
    'Publisher details.',
    '',
    '### T02 — Define the subjects',
    '',
    'Subject details.',
    '',
    '- [x] first',
    '- [ ] second',
    '',
    '## Other',
  ]);

  it('qualifies short ids with the workplan id and takes body sections as descriptions', async () => {
    const result = await parse('workplans/WP-9.md', text);
    expect(result.diagnostics).toEqual([]);
    const tasks = result.documents[0].tasks;
    expect(tasks.map((t) => [t.id, t.local_id, t.title, t.status, t.line, t.end_line, t.depends_on])).toEqual([
      ['WP-9-T01', 'T01', 'Connect the publisher', 'done', 6, 8, []],
      ['WP-9-T02', 'T02', 'Define the subjects', 'in_progress', 9, 11, ['T01']],
      ['GLOBAL-7', null, 'A global id', 'todo', 12, 13, []],
    ]);
    expect(tasks[0].description).toBe('Publisher details.');
    expect(tasks[1].description).toBe('Subject details.\n\n- [x] first\n- [ ] second');
    expect(tasks[1].acceptance_criteria).toEqual([
      { text: 'first', checked: true, line: 27 },
      { text: 'second', checked: false, line: 28 },
    ]);
    expect(tasks[0].source).toMatchObject({ kind: 'list', index: 0, item: { line: 6, end_line: 8 } });
  });

  it('merges a task declared in both forms into one task with a mirror', async () => {
    const both = md(['---', 'id: WP-8', 'tasks:', '  - id: T01', '    status: done', '---', '', '## T01 — Do it', '', '```task', 'id: T01', 'status: todo', '```']);
    const result = await parse('workplans/WP-8.md', both);
    const tasks = result.documents[0].tasks;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: 'WP-8-T01', status: 'todo', line: 10, source: { kind: 'block' } });
    expect(tasks[0].mirror).toMatchObject({ line: 4, status: 'done', source: { kind: 'list', index: 0 } });
  });
});

describe('task files, goals, interface changes, decisions', () => {
  it('reads a task file: title wins over name, description and acceptance criteria sections', async () => {
    const result = await parse(
      'docs/tasks/storage/T-1.md',
      md([
        '---',
        'id: split-operations',
        'name: The name',
        'title: The title',
        'status: Completed',
        'depends_on: [other-task]',
        'scope: broad',
        'workplan: WP-5',
        '---',
        '',
        '## Description',
        '',
        'What to do.',
        '',
        '## Acceptance Criteria',
        '',
        '- [x] one',
        '- [ ] two',
        '',
        '## Notes',
        '',
        '- [ ] not a criterion',
      ]),
    );
    const [doc] = result.documents;
    expect(doc).toMatchObject({ kind: 'task', id: 'split-operations', title: 'The title', status: 'done', status_raw: 'Completed' });
    expect(doc.tasks).toHaveLength(1);
    expect(doc.tasks[0]).toMatchObject({
      id: 'split-operations',
      title: 'The title',
      status: 'done',
      workplan_id: 'WP-5',
      depends_on: ['other-task'],
      line: 1,
      end_line: 9,
      description: 'What to do.',
      source: { kind: 'file' },
    });
    expect(doc.tasks[0].acceptance_criteria.map((c) => [c.text, c.checked])).toEqual([
      ['one', true],
      ['two', false],
    ]);
  });

  it('decides the kind by `type`, else by the innermost folder', async () => {
    const kinds = async (file: string, fm: string) => (await parse(file, `---\nid: X\n${fm}---\n`)).documents[0].kind;
    expect(await kinds('goals/g.md', '')).toBe('goal');
    expect(await kinds('interface-changes/ic.md', '')).toBe('interface-change');
    expect(await kinds('decisions/d.md', '')).toBe('decision');
    expect(await kinds('docs/tasks/storage/x.md', '')).toBe('task');
    expect(await kinds('tasks/goals/x.md', '')).toBe('goal');
    expect(await kinds('workplans/x.md', '')).toBe('workplan');
    expect(await kinds('goals/x.md', 'type: workplan\n')).toBe('workplan');
  });

  it('normalises the status of goals, interface changes and decisions, keeping the raw value', async () => {
    const goal = (await parse('goals/g.md', '---\nid: G\nstatus: Active\npriority: 2\n---\n')).documents[0];
    expect(goal).toMatchObject({ status: 'active', status_raw: 'Active' });
    const unknown = (await parse('decisions/d.md', '---\nid: D\nstatus: maybe\n---\n')).documents[0];
    expect(unknown).toMatchObject({ status: null, status_raw: 'maybe' });
  });

  it('keeps a task with an unknown status out of every vocabulary (status null)', async () => {
    const result = await parse('workplans/x.md', md(['---', 'id: W', '---', '```task', 'id: W-1', 'status: someday', '```']));
    expect(result.documents[0].tasks[0]).toMatchObject({ status: null, status_raw: 'someday' });
  });
});
