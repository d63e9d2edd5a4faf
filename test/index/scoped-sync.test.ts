// A sync limited to some repos (what an edit runs after changing one file) brings those repos up
// to date, leaves the others as last indexed and removes none of them; the next whole sync sees
// everything.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectTasks } from '../../src/index/queries/tasks.js';
import { syncWorkspace } from '../../src/index/sync.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from './workspace-helper.js';

afterAll(removeTempDirs);

describe('a sync scoped to repos', () => {
  it('updates only those repos and keeps the others', async () => {
    const ws = tempWorkspace({
      alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) },
      beta: { 'workplans/B-1.md': workplan('B-1', [['B-1-T1', 'todo']]) },
    });
    const workspace = await resolveWorkspace({ cwd: ws.root, workspace: ws.root });
    const statuses = async (repos?: string[]) => {
      const { db, counts } = await syncWorkspace(workspace, { repos });
      try {
        return { scanned: counts.scanned, tasks: selectTasks(db).map((t) => `${t.task_id}:${t.status}`) };
      } finally {
        db.close();
      }
    };
    expect(await statuses()).toEqual({ scanned: 2, tasks: ['A-1-T1:todo', 'B-1-T1:todo'] });
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'done']]));
    writeFileSync(join(ws.repo('beta'), 'workplans/B-1.md'), workplan('B-1', [['B-1-T1', 'done']]));
    expect(await statuses(['alpha'])).toEqual({ scanned: 1, tasks: ['A-1-T1:done', 'B-1-T1:todo'] });
    expect(await statuses()).toEqual({ scanned: 2, tasks: ['A-1-T1:done', 'B-1-T1:done'] });
  });
});
