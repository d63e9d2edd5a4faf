// C13 is check's verdict on a repo's workplans, so the two never contradict each other: a task
// file in another repo naming a workplan counts for both (DoI used to count only the workplan's
// own repo and could fail with "run check --fix" while check was clean), and a change to that
// task file re-judges the workplan's repo although its own files did not change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const PLAN = '---\nid: A-WP-1\nstatus: active\n---\n\n```task\nid: A-WP-1-T1\nstatus: done\n```\n';
const taskFile = (status: string) => `---\nid: B-9\nworkplan: A-WP-1\nstatus: ${status}\n---\n`;

describe('C13 and check', () => {
  it('agree about a workplan whose task lives in another repo', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-WP-1.md': PLAN }, beta: { 'docs/tasks/B-9.md': taskFile('todo') } });
    const c13 = () => runCliJson(['-w', ws.root, 'doi', 'alpha', '--json']).json.items[0].criteria.find((c: any) => c.id === 'C13');
    const rollup = () => runCliJson(['-w', ws.root, 'check', '--repo', 'alpha', '--format', 'json']).json.diagnostics.filter((d: any) => d.rule_id === 'workplan/status-rollup');

    // B-9 is still open: the active workplan is right, for check and for DoI.
    expect(rollup()).toEqual([]);
    expect(c13()).toMatchObject({ status: 'pass' });

    // B-9 done: every task is closed. Only beta's file changed, yet alpha's C13 is judged again.
    writeFileSync(join(ws.repo('beta'), 'docs/tasks/B-9.md'), taskFile('done'));
    const [finding] = rollup();
    expect(finding).toMatchObject({ file: 'workplans/A-WP-1.md', fixable: true });
    expect(c13()).toMatchObject({ status: 'fail', detail: `workplans/A-WP-1.md:3 workplan/status-rollup (${finding.message}): custodian check --fix fixes it` });
  });
});
