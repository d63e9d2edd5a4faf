// Removing keys and editing dependencies of a task in each form it takes, byte for byte: only
// the intended lines change, and the parser reads the intended values back.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/documents/parse.js';
import type { Task } from '../../src/documents/model.js';
import { applyEdits } from '../../src/edit/apply-edits.js';
import { addTaskDependency, deleteTaskField, removeTaskDependency } from '../../src/edit/task-fields.js';

const FENCE = '```';

async function edit(file: string, text: string, id: string, change: (text: string, task: Task, frontmatter: any) => any[]) {
  const parsed = await parseFile(file, text);
  const document = parsed.documents[0];
  const task = document.tasks.find((t) => t.id === id)!;
  const after = applyEdits(text, change(text, task, document.frontmatter)).text;
  const reparsed = (await parseFile(file, after)).documents[0].tasks.find((t) => t.id === id)!;
  return { after, task: reparsed };
}

const block = (lines: string[], prefix = '') =>
  ['---', 'id: WP-1', '---', '', '## First', '', ...[`${FENCE}task`, ...lines, FENCE].map((l) => prefix + l), '', 'Text.', ''].join('\n');

describe('deleteTaskField', () => {
  it('removes a key line from a block, keeping comments and the other lines', async () => {
    const text = block(['id: WP-1-T01', 'status: in_progress  # claimed', 'assignee: agent-1 # who', 'priority: high']);
    const { after, task } = await edit('workplans/WP-1.md', text, 'WP-1-T01', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'));
    expect(after).toBe(block(['id: WP-1-T01', 'status: in_progress  # claimed', 'priority: high']));
    expect(task.assignee).toBeNull();
  });

  it('removes the last key of a block in a block quote, and keeps CRLF', async () => {
    const text = block(['id: WP-1-T01', 'status: todo', 'assignee: agent-1'], '> ').replace(/\n/g, '\r\n');
    const { after } = await edit('workplans/WP-1.md', text, 'WP-1-T01', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'));
    expect(after).toBe(block(['id: WP-1-T01', 'status: todo'], '> ').replace(/\n/g, '\r\n'));
  });

  it('removes a key that opens a front-matter list item: the next key takes the dash', async () => {
    const text = ['---', 'id: WP-1', 'tasks:', '  - assignee: agent-1', '    id: T01', '    status: in_progress', '  - id: T02', '---', ''].join('\n');
    const { after, task } = await edit('workplans/WP-1.md', text, 'WP-1-T01', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'));
    expect(after).toBe(['---', 'id: WP-1', 'tasks:', '  - id: T01', '    status: in_progress', '  - id: T02', '---', ''].join('\n'));
    expect(task.status).toBe('in_progress');
  });

  it('removes a key of a flow mapping item and of a task file', async () => {
    const flow = ['---', 'id: WP-1', 'tasks:', '  - {id: T01, assignee: a, status: todo}', '---', ''].join('\n');
    expect((await edit('workplans/WP-1.md', flow, 'WP-1-T01', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'))).after).toBe(
      flow.replace(', assignee: a', ''),
    );
    const file = ['---', 'id: X-1', 'title: Thing', 'assignee: bob', '---', '', 'Body.', ''].join('\n');
    expect((await edit('docs/tasks/X-1.md', file, 'X-1', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'))).after).toBe(
      file.replace('assignee: bob\n', ''),
    );
  });

  it('does nothing when the key is absent', async () => {
    const text = block(['id: WP-1-T01']);
    expect((await edit('workplans/WP-1.md', text, 'WP-1-T01', (t, task, fm) => deleteTaskField(t, task.source, fm, 'assignee'))).after).toBe(text);
  });
});

describe('dependencies', () => {
  const add = (dep: string) => (t: string, task: Task, fm: any) => addTaskDependency(t, task.source, fm, task.fields.depends_on, dep);
  const remove = (dep: string) => (t: string, task: Task, fm: any) => removeTaskDependency(t, task.source, fm, task.fields.depends_on, dep);

  it('adds to a flow list, a block list, a missing key and a one-id string', async () => {
    const cases: [string[], string[]][] = [
      [['id: WP-1-T02', 'depends_on: [T01]'], ['id: WP-1-T02', 'depends_on: [T01, X-9]']],
      [['id: WP-1-T02', 'depends_on:', '  - T01', 'status: todo'], ['id: WP-1-T02', 'depends_on:', '  - T01', '  - X-9', 'status: todo']],
      [['id: WP-1-T02', 'status: todo'], ['id: WP-1-T02', 'status: todo', 'depends_on:', '  - X-9']],
      [['id: WP-1-T02', 'depends_on: T01 # the first'], ['id: WP-1-T02', 'depends_on: [T01, X-9] # the first']],
    ];
    for (const [before, expected] of cases) {
      const { after, task } = await edit('workplans/WP-1.md', block(before), 'WP-1-T02', add('X-9'));
      expect(after).toBe(block(expected));
      expect(task.depends_on.at(-1)).toBe('X-9');
    }
    const same = block(['id: WP-1-T02', 'depends_on: [X-9]']);
    expect((await edit('workplans/WP-1.md', same, 'WP-1-T02', add('X-9'))).after).toBe(same);
  });

  it('removes from a flow list, a block list, the only item, and a string', async () => {
    const cases: [string[], string[]][] = [
      [['id: WP-1-T02', 'depends_on: [T01, X-9, T03]'], ['id: WP-1-T02', 'depends_on: [T01, T03]']],
      [['id: WP-1-T02', 'depends_on:', '  - T01', '  - X-9', 'status: todo'], ['id: WP-1-T02', 'depends_on:', '  - T01', 'status: todo']],
      [['id: WP-1-T02', 'depends_on:', '  - X-9', 'status: todo'], ['id: WP-1-T02', 'depends_on: []', 'status: todo']],
      [['id: WP-1-T02', 'depends_on: [X-9]'], ['id: WP-1-T02', 'depends_on: []']],
      [['id: WP-1-T02', 'depends_on: X-9', 'status: todo'], ['id: WP-1-T02', 'status: todo']],
      [['id: WP-1-T02', 'depends_on: "T01, X-9"'], ['id: WP-1-T02', 'depends_on: [T01]']],
    ];
    for (const [before, expected] of cases) {
      const { after, task } = await edit('workplans/WP-1.md', block(before), 'WP-1-T02', remove('X-9'));
      expect(after).toBe(block(expected));
      expect(task.depends_on).not.toContain('X-9');
    }
  });
});
