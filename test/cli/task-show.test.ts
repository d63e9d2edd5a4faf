// What a new user tripped over in `task show`: the human view leaves out what the JSON has, a
// workplan's id is a dead end, and an id declared twice in one repo cannot be named at all.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const TASK = [
  '---',
  'id: A-7',
  'title: Rotate the keys',
  'status: in_progress',
  'assignee: robin',
  'notes: the old keys stay valid for a week',
  '---',
  '',
  '## Description',
  '',
  'Rotate every signing key.',
  '',
  '## Acceptance Criteria',
  '',
  '- [x] new keys generated',
  '- [ ] old keys revoked',
  '',
].join('\n');

describe('task show', () => {
  it('shows, for people, the other keys and the acceptance criteria its JSON has', () => {
    const ws = tempWorkspace({ alpha: { 'docs/tasks/A-7.md': TASK } });
    const json = runCliJson(['-w', ws.root, 'task', 'show', 'A-7', '--json']).json.task;
    expect(json.fields).toMatchObject({ assignee: 'robin', notes: 'the old keys stay valid for a week' });
    expect(json.acceptance_criteria.map((c: any) => [c.checked, c.text])).toEqual([
      [true, 'new keys generated'],
      [false, 'old keys revoked'],
    ]);
    const { code, stdout } = runCli(['-w', ws.root, 'task', 'show', 'A-7']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'A-7  Rotate the keys',
        'status in_progress, priority medium, held by robin',
        'alpha/docs/tasks/A-7.md:1',
        'notes: the old keys stay valid for a week',
        '',
        'Rotate every signing key.',
        '',
        'Acceptance criteria (1 of 2 checked)',
        '  [x] new keys generated',
        '  [ ] old keys revoked',
        '',
      ].join('\n'),
    );
  });

  it("given a workplan's id, points to workplan show", () => {
    const ws = tempWorkspace({ alpha: { 'workplans/WP-1.md': '---\nid: WP-1\n---\n\n```task\nid: WP-1-T01\n```\n' } });
    const human = runCli(['-w', ws.root, 'task', 'show', 'WP-1']);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('WP-1 is a workplan, see custodian workplan show WP-1');
    const json = runCliJson(['-w', ws.root, 'task', 'show', 'WP-1', '--json']);
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ kind: 'error', code: 'not-found' });
  });

  it('names one of two tasks declaring one id in one repo as repo:path#id', () => {
    const file = (status: string) => `---\nid: A-1\nstatus: ${status}\n---\n`;
    const ws = tempWorkspace({ alpha: { 'docs/tasks/A-1.md': file('todo'), 'docs/tasks/old/A-1.md': file('done') } });
    const dead = runCliJson(['-w', ws.root, 'task', 'show', 'alpha:A-1', '--json']);
    expect(dead.code).toBe(1);
    expect(dead.json).toMatchObject({ kind: 'error', code: 'ambiguous' });
    expect(dead.json.message).toContain('name one as alpha:docs/tasks/A-1.md#A-1');
    expect(dead.json.candidates.map((c: any) => c.ref)).toEqual(['alpha:docs/tasks/A-1.md#A-1', 'alpha:docs/tasks/old/A-1.md#A-1']);

    const old = runCliJson(['-w', ws.root, 'task', 'show', 'alpha:docs/tasks/old/A-1.md#A-1', '--json']);
    expect(old.json.task).toMatchObject({ id: 'A-1', file: 'docs/tasks/old/A-1.md', status: 'done' });
    const edited = runCliJson(['-w', ws.root, 'task', 'status', 'alpha:docs/tasks/A-1.md#A-1', 'in_progress', '--json']);
    expect(edited.code).toBe(0);
    expect(edited.json.task).toMatchObject({ file: 'docs/tasks/A-1.md', status: 'in_progress' });
  });

  it('names one of two workplans declaring one id in one repo as repo:path#id', () => {
    const plan = '---\nid: WP-2\n---\n';
    const ws = tempWorkspace({ alpha: { 'workplans/WP-2.md': plan, 'workplans/archive/WP-2.md': plan } });
    expect(runCliJson(['-w', ws.root, 'workplan', 'show', 'WP-2', '--json']).json).toMatchObject({ code: 'ambiguous' });
    const one = runCliJson(['-w', ws.root, 'workplan', 'show', 'alpha:workplans/archive/WP-2.md#WP-2', '--json']);
    expect(one.json.workplan).toMatchObject({ id: 'WP-2', file: 'workplans/archive/WP-2.md' });
  });
});
