// DoI's C10 names the active goal dispatch shows: one ranking, on the same goals. (They used to
// rank separately and disagreed, e.g. on a negative priority: last for DoI, first for dispatch.)
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const goal = (id: string, priority: number) => `---\nid: ${id}\ntype: goal\ntitle: ${id}\nstatus: active\npriority: ${priority}\n---\n`;

describe('the active goal', () => {
  it('is the same in dispatch and in DoI C10', () => {
    const ws = tempWorkspace({ alpha: { 'goals/G-LOW.md': goal('G-LOW', -1), 'goals/G-ONE.md': goal('G-ONE', 1) } });
    const dispatch = runCliJson(['-w', ws.root, 'dispatch', 'alpha', '--json']);
    expect(dispatch.json.active_goal).toMatchObject({ id: 'G-LOW', priority: -1 });
    const doi = runCliJson(['-w', ws.root, 'doi', 'alpha', '--json']);
    const c10 = doi.json.items[0].criteria.find((c: any) => c.id === 'C10');
    expect(c10).toMatchObject({ status: 'pass', detail: 'active goal G-LOW (priority -1)' });
  });
});
