// `task add` appends a task in the form the workplan already uses; the text around it is untouched.
import { describe, expect, it } from 'vitest';
import { nextTaskId, nextDocumentId, titleSlug } from '../../src/authoring/ids.js';
import { taskAddEdits, type NewTask } from '../../src/authoring/task-add.js';
import { parseFile } from '../../src/documents/parse.js';
import { applyEdits } from '../../src/edit/apply-edits.js';

const FENCE = '```';

async function add(text: string, task: NewTask) {
  const parsed = await parseFile('workplans/WP-1.md', text);
  const after = applyEdits(text, taskAddEdits(text, parsed.documents[0], task)).text;
  const reparsed = await parseFile('workplans/WP-1.md', after);
  expect(reparsed.diagnostics).toEqual([]);
  return { after, tasks: reparsed.documents[0].tasks };
}

describe('taskAddEdits', () => {
  it('puts a block after the last task section, before the next section, at the last heading level', async () => {
    const text = [
      '---', 'id: WP-1', '---', '', '# Plan', '', '## Phase 1', '', '### One', '', `${FENCE}task`, 'id: WP-1-T01', FENCE, '', 'Body one.', '', '',
      '## Notes', '', 'Free text.', '',
    ].join('\n');
    const { after, tasks } = await add(text, { id: 'WP-1-T02', title: 'Two `x`', status: 'todo', priority: 'high', dependsOn: ['WP-1-T01'], description: 'Do two.' });
    expect(after).toBe(
      [
        '---', 'id: WP-1', '---', '', '# Plan', '', '## Phase 1', '', '### One', '', `${FENCE}task`, 'id: WP-1-T01', FENCE, '', 'Body one.', '',
        '### Two `x`', '', `${FENCE}task`, 'id: WP-1-T02', 'status: todo', 'priority: high', 'depends_on: [WP-1-T01]', FENCE, '', 'Do two.', '', '',
        '## Notes', '', 'Free text.', '',
      ].join('\n'),
    );
    expect(tasks.map((t) => [t.id, t.title, t.description])).toEqual([
      ['WP-1-T01', 'One', 'Body one.'],
      ['WP-1-T02', 'Two `x`', 'Do two.'],
    ]);
  });

  it('appends a list item (and a description section) to a front-matter list', async () => {
    const text = ['---', 'id: WP-1', 'tasks:', '  - id: T01', '    title: First', '---', '', '# Plan', ''].join('\r\n');
    const { after, tasks } = await add(text, { id: 'T02', title: 'Second', status: 'todo', description: 'Why.' });
    expect(after).toBe(
      ['---', 'id: WP-1', 'tasks:', '  - id: T01', '    title: First', '  - id: T02', '    title: Second', '    status: todo', '---', '', '# Plan', '', '### T02 — Second', '', 'Why.', ''].join('\r\n'),
    );
    expect(tasks.map((t) => [t.id, t.description])).toEqual([
      ['WP-1-T01', ''],
      ['WP-1-T02', 'Why.'],
    ]);
  });

  it('keeps both forms in step when the workplan uses both', async () => {
    const text = ['---', 'id: WP-1', 'tasks: [{id: T01, status: todo}]', '---', '', '## T01', '', `${FENCE}task`, 'id: T01', 'status: todo', FENCE, ''].join('\n');
    const { after, tasks } = await add(text, { id: 'T02', title: 'Second', status: 'todo' });
    expect(after).toBe(
      ['---', 'id: WP-1', 'tasks: [{id: T01, status: todo}, {id: T02, title: Second, status: todo}]', '---', '', '## T01', '', `${FENCE}task`, 'id: T01', 'status: todo', FENCE, '', '## Second', '', `${FENCE}task`, 'id: T02', 'status: todo', FENCE, ''].join('\n'),
    );
    expect(tasks.map((t) => [t.id, t.mirror?.source.kind])).toEqual([
      ['WP-1-T01', 'list'],
      ['WP-1-T02', 'list'],
    ]);
  });

  it('starts a workplan with no task at the end, under a second-level heading', async () => {
    const text = ['---', 'id: WP-1', '---', '', '# Plan', '', 'Intro.'].join('\n');
    const { after } = await add(text, { id: 'T01', title: 'First', status: 'todo' });
    expect(after).toBe(['---', 'id: WP-1', '---', '', '# Plan', '', 'Intro.', '', '## First', '', `${FENCE}task`, 'id: T01', 'status: todo', FENCE, ''].join('\n'));
  });
});

describe('ids', () => {
  it('continues a workplan in the form it writes its task ids', () => {
    expect(nextTaskId('WP-1', ['WP-1-T01', 'WP-1-T09'])).toEqual({ written: 'WP-1-T10', qualified: 'WP-1-T10' });
    expect(nextTaskId('WP-1', ['T01', 'T02', 'X-4'])).toEqual({ written: 'T03', qualified: 'WP-1-T03' });
    expect(nextTaskId('WP-1', [])).toEqual({ written: 'T01', qualified: 'WP-1-T01' });
  });

  it("continues the repo's sequence, keeps its padding, skips ids in use, and starts one from the project key", () => {
    const repo = { repoSlug: 'ledger-api', byKind: { workplan: ['LEDG-WP-0001', 'LEDG-WP-0003'], task: ['LEDG-42', 'LEDG-43'] } };
    expect(nextDocumentId('workplan', repo, () => false)).toBe('LEDG-WP-0004');
    expect(nextDocumentId('workplan', repo, (id) => id === 'LEDG-WP-0004')).toBe('LEDG-WP-0005');
    expect(nextDocumentId('task', repo, () => false)).toBe('LEDG-44');
    expect(nextDocumentId('task', { repoSlug: 'x', byKind: { workplan: ['PAY-WP-0007'] } }, () => false)).toBe('PAY-1');
    expect(nextDocumentId('workplan', { repoSlug: 'my repo', byKind: {} }, () => false)).toBe('MY-REPO-WP-0001');
    expect(nextDocumentId('goal', repo, () => false)).toBe('GOAL-1');
    expect(nextDocumentId('decision', { repoSlug: 'x', byKind: { decision: ['ADR-0009'] } }, () => false)).toBe('ADR-0010');
    expect(titleSlug('Ünïcode: the `x` flag, again!')).toBe('unicode-the-x-flag-again');
  });
});
