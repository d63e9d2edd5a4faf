// Point 1 of issue 10: --index / CUSTODIAN_INDEX pointed at a file that is not a custodian index
// (a typo, a wrong variable) must never turn it into one: refused with exit 2, left untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, runCliAsync, runCliJsonAsync, tempDir } from '../helpers/git-repo.js';
import { tempWorkspace, workplan } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

function foreignDatabase(path: string): Buffer {
  const db = new Database(path);
  db.exec("CREATE TABLE accounts (name TEXT); INSERT INTO accounts VALUES ('alice');");
  db.close();
  return readFileSync(path);
}

describe('--index and CUSTODIAN_INDEX never destroy their target', () => {
  const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': workplan('A-1', [['A-1-T1', 'todo']]) } });
  const plan = join(ws.repo('alpha'), 'workplans/A-1.md');
  const other = join(tempDir(), 'app.db');
  const targets = () => [join(ws.root, 'custodian.yaml'), plan, other];
  // The default index and registry cache exist, so only what the refused command did shows.
  beforeAll(async () => expect((await runCliAsync(['-w', ws.root, 'sync'])).code).toBe(0));

  it.each([
    ['--index', 'sync'],
    ['--index', 'task list'],
    ['CUSTODIAN_INDEX', 'task list'],
    ['CUSTODIAN_INDEX', 'check'],
  ])('%s with %s: refused with exit 2 and every byte kept', async (how, command) => {
    const otherBytes = existsSync(other) ? readFileSync(other) : foreignDatabase(other);
    for (const target of targets()) {
      const before = readFileSync(target);
      const folderBefore = readdirSync(join(target, '..')).sort();
      const args = how === '--index' ? ['--index', target] : [];
      const env = how === 'CUSTODIAN_INDEX' ? { CUSTODIAN_INDEX: target } : {};
      const result = await runCliJsonAsync(['-w', ws.root, ...args, ...command.split(' '), '--json'], { env });
      expect(result.code, target).toBe(2);
      expect(result.json).toMatchObject({ kind: 'error', code: 'invalid-workspace' });
      expect(result.json.message).toContain(target);
      expect(result.json.message).toContain(how);
      expect(readFileSync(target)).toEqual(before);
      // No WAL, lock or journal file left beside it either.
      expect(readdirSync(join(target, '..')).sort()).toEqual(folderBefore);
    }
    expect(readFileSync(other)).toEqual(otherBytes);
    const db = new Database(other, { readonly: true });
    expect(db.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['alice']);
    db.close();
  });

  it('a missing or empty path is made an index, and a custodian index of any state is reused', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.sqlite');
    expect((await runCliAsync(['-w', ws.root, '--index', fresh, 'task', 'list', '--json'])).code).toBe(0);
    expect((await runCliAsync(['-w', ws.root, '--index', fresh, 'task', 'list', '--json'])).code).toBe(0);
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const listed = await runCliJsonAsync(['-w', ws.root, 'task', 'list', '--json'], { env: { CUSTODIAN_INDEX: empty } });
    expect(listed.code).toBe(0);
    expect(listed.json.items.map((t: any) => t.id)).toEqual(['A-1-T1']);
    // A custodian index of another schema version is ours to rebuild.
    const db = new Database(fresh);
    db.pragma('user_version = 999');
    db.close();
    expect((await runCliJsonAsync(['-w', ws.root, '--index', fresh, 'task', 'list', '--json'])).json.items).toHaveLength(1);
  });

  it('the default index inside .custodian/ is a cache: whatever is there is rebuilt', async () => {
    const index = join(ws.root, '.custodian/index.sqlite');
    await runCliAsync(['-w', ws.root, 'sync']);
    writeFileSync(index, 'garbage'.repeat(100));
    expect((await runCliJsonAsync(['-w', ws.root, 'task', 'list', '--json'])).json.items).toHaveLength(1);
  });

  it('a folder or a FIFO as the index is refused, not waited on', async () => {
    const fifo = join(tempDir(), 'index.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const target of [ws.root, fifo]) {
      const result = await runCliJsonAsync(['-w', ws.root, '--index', target, 'task', 'list', '--json']);
      expect(result.code).toBe(2);
      expect(result.json.code).toBe('invalid-workspace');
      expect(result.json.message).toContain('not a regular file');
    }
  });
});
