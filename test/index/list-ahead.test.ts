// A repo's file list read ahead of its sync (what `check --staged` does while the rules load) is
// used only while the git index stamps as it did when the list was read, and a file created after
// the list was read is never lost: this sync may not see it, the next one does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aheadLister } from '../../src/index/plan.js';
import { selectTasks } from '../../src/index/queries/tasks.js';
import { syncWorkspace, type SyncOptions } from '../../src/index/sync.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { git, removeTempDirs } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from './workspace-helper.js';

afterAll(removeTempDirs);

async function setUp() {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
  const workspace = await resolveWorkspace({ cwd: ws.root, workspace: ws.root });
  const tasks = async (options: SyncOptions = {}) => {
    const { db } = await syncWorkspace(workspace, options);
    try {
      return selectTasks(db).map((t) => t.task_id);
    } finally {
      db.close();
    }
  };
  expect(await tasks()).toEqual(['A-1-T1']);
  return { ws, workspace, tasks };
}

describe('a file list read ahead', () => {
  it('is read again when the git index changed after it was read', async () => {
    const { ws, workspace, tasks } = await setUp();
    const alpha = ws.repo('alpha');
    git(alpha, ['add', '-A']); // touches the git index, so the sync lists the repo again
    const listing = (await aheadLister())(workspace.repos[0]);
    writeFileSync(join(alpha, 'workplans/A-2.md'), workplan('A-2', [['A-2-T1', 'todo']]));
    git(alpha, ['add', 'workplans/A-2.md']);
    expect(await tasks({ repos: ['alpha'], listed: new Map([['alpha', listing]]) })).toEqual(['A-1-T1', 'A-2-T1']);
  });

  it('is used while the git index is unchanged, and a file created meanwhile is found by the next sync', async () => {
    const { ws, workspace, tasks } = await setUp();
    const alpha = ws.repo('alpha');
    writeFileSync(join(alpha, 'workplans/A-1.md'), workplan('A-1', [['A-1-T1', 'done'], ['A-1-T2', 'todo']]));
    git(alpha, ['add', '-A']);
    const listing = (await aheadLister())(workspace.repos[0]);
    expect(await listing.paths).toEqual(['workplans/A-1.md']);
    // Created after the list was read, untracked: the git index does not change.
    writeFileSync(join(alpha, 'workplans/A-3.md'), workplan('A-3', [['A-3-T1', 'todo']]));
    // The list read ahead is what this sync went by (A-1's new task is there, A-3 is not yet)…
    expect(await tasks({ repos: ['alpha'], listed: new Map([['alpha', listing]]) })).toEqual(['A-1-T1', 'A-1-T2']);
    // …and the folder stamps it recorded were taken before it, so the next sync lists again.
    expect(await tasks({ repos: ['alpha'] })).toEqual(['A-1-T1', 'A-1-T2', 'A-3-T1']);
  });
});
