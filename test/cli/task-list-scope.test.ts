// `task list --repo/--domain` checks only the listed repos' files before answering (a task row is
// made from its own file alone); `--ready` looks at dependencies anywhere, so it checks them all.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJson } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const list = (root: string, ...args: string[]) => {
  const { code, json, stderr } = runCliJson(['-w', root, 'task', 'list', '--json', ...args]);
  expect(code, stderr).toBe(0);
  return json.items.map((t: { id: string; status: string }) => `${t.id}:${t.status}`);
};

describe('task list of some repos', () => {
  it('answers from fresh files of those repos, and --ready from fresh files of every repo', () => {
    const ws = tempWorkspace({
      alpha: { 'workplans/A-1.md': '---\nid: A-1\nstatus: active\n---\n\n```task\nid: A-1-T1\nstatus: todo\ndepends_on: [B-1-T1]\n```\n' },
      beta: { 'workplans/B-1.md': workplan('B-1', [['B-1-T1', 'todo']]) },
    });
    expect(list(ws.root)).toEqual(['A-1-T1:todo', 'B-1-T1:todo']);
    const indexedBeta = () => {
      const db = new Database(join(ws.root, '.custodian/index.sqlite'), { readonly: true });
      try {
        return db.prepare("SELECT status FROM tasks WHERE task_id = 'B-1-T1'").pluck().get();
      } finally {
        db.close();
      }
    };
    writeFileSync(join(ws.repo('alpha'), 'workplans/A-1.md'), '---\nid: A-1\nstatus: active\n---\n\n```task\nid: A-1-T1\nstatus: in_progress\ndepends_on: [B-1-T1]\n```\n');
    writeFileSync(join(ws.repo('beta'), 'workplans/B-1.md'), workplan('B-1', [['B-1-T1', 'done']]));
    // alpha's edit is seen; beta's files were not looked at (its row is as last indexed).
    expect(list(ws.root, '--repo', 'alpha')).toEqual(['A-1-T1:in_progress']);
    expect(indexedBeta()).toBe('todo');
    // Readiness needs beta's task as it is now: done, so alpha's task (in progress) is ready.
    expect(list(ws.root, '--repo', 'alpha', '--ready')).toEqual(['A-1-T1:in_progress']);
    expect(indexedBeta()).toBe('done');
    expect(list(ws.root, '--domain', 'core')).toEqual(['A-1-T1:in_progress', 'B-1-T1:done']);
  });
});
