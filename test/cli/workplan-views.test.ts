// workplan list and workplan show count a workplan's tasks the same way and say what they count;
// the list has column headers, and a file whose front-matter is broken shows its path.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

describe('workplan list and show', () => {
  const ws = tempWorkspace({
    alpha: {
      'workplans/WP-1.md': workplan('WP-1', [['WP-1-T1', 'done'], ['WP-1-T2', 'cancelled'], ['WP-1-T3', 'todo']]).replace('status: active', 'status: active\ntitle: Exports'),
      'workplans/broken.md': '---\nid: WP-2\nstatus: [\n---\n',
    },
  });

  it('list: headers, closed of total, the broken file by its path', () => {
    const { code, stdout } = runCli(['-w', ws.root, 'workplan', 'list']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'ID       STATUS   CLOSED  REPO   TITLE',
      'WP-1     active      2/3  alpha  Exports',
      '(no id)  invalid     0/0  alpha  (front-matter does not parse: workplans/broken.md)',
      'CLOSED: tasks done or cancelled, of all the tasks each workplan declares',
      '',
    ]);
  });

  it('show: the same count, saying what it is', () => {
    const { stdout } = runCli(['-w', ws.root, 'workplan', 'show', 'WP-1']);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['WP-1  Exports', 'status active, 2/3 tasks closed (1 done, 1 cancelled)  alpha/workplans/WP-1.md']);
  });
});
