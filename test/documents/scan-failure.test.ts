// No task vanishes silently: when the scanner declines a file and remark cannot read it (forced
// here with CUSTODIAN_REMARK_TIMEOUT_MS=0, which gives remark no time at all), every command that
// reads the file reports `file/scan-failed` at the declined line, keeps the tasks found before it,
// and the index never keeps that answer once remark has time again.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const NO_TIME = { CUSTODIAN_REMARK_TIMEOUT_MS: '0' };

/** T01 before a construct the scanner hands to remark (line 11), T02 after it. */
const PLAN = [
  '---',
  'id: WP-1',
  'status: active',
  '---',
  '',
  '```task',
  'id: WP-1-T01',
  'status: todo',
  '```',
  '[spec]: https://example.org/spec',
  'Export command',
  '==============',
  '',
  '```task',
  'id: WP-1-T02',
  'status: todo',
  '```',
  '',
].join('\n');

const FAILURE = {
  rule_id: 'file/scan-failed',
  severity: 'error',
  line: 12,
  column: 1,
  end_line: 12,
  end_column: 15,
};

describe('a file remark cannot read in time', () => {
  it('parse: an error at the declined line, the tasks before it kept, exit 1', () => {
    const dir = tempDir();
    writeFiles(dir, { 'workplans/WP-1.md': PLAN });
    const { code, json } = runCliJson(['parse', 'workplans/WP-1.md', '--json'], { cwd: dir, env: NO_TIME });
    expect(code).toBe(1);
    const [file] = json.files;
    expect(file.diagnostics).toEqual([expect.objectContaining({ ...FAILURE, file: 'workplans/WP-1.md' })]);
    expect(file.diagnostics[0].message).toContain('remark took longer than 0 ms');
    expect(file.documents[0].tasks.map((t: any) => t.id)).toEqual(['WP-1-T01']);

    const given = runCliJson(['parse', 'workplans/WP-1.md', '--json'], { cwd: dir });
    expect(given.code).toBe(0);
    expect(given.json.files[0].diagnostics).toEqual([]);
    expect(given.json.files[0].documents[0].tasks.map((t: any) => t.id)).toEqual(['WP-1-T01', 'WP-1-T02']);
  });

  it('check: reports it (never "no problems"), and the index does not keep the cut-short answer', () => {
    const ws = tempWorkspace({ alpha: { 'workplans/WP-1.md': PLAN } });
    const check = runCliJson(['-w', ws.root, 'check', '--format', 'json'], { env: NO_TIME });
    expect(check.code).toBe(1);
    expect(check.json.diagnostics).toEqual([expect.objectContaining({ ...FAILURE, repo: 'alpha', file: 'workplans/WP-1.md' })]);

    // The sync that check ran indexed the cut-short parse: the task found before the line is listed.
    const cut = runCliJson(['-w', ws.root, 'task', 'list', '--json', '--no-sync']);
    expect(cut.json.items.map((t: any) => t.id)).toEqual(['WP-1-T01']);

    // With time for remark, the next sync parses the unchanged file again: both tasks, no error.
    const sync = runCliJson(['-w', ws.root, 'sync', '--json']);
    expect(sync.json.files).toMatchObject({ parsed: 1 });
    const full = runCliJson(['-w', ws.root, 'task', 'list', '--json', '--no-sync']);
    expect(full.json.items.map((t: any) => t.id)).toEqual(['WP-1-T01', 'WP-1-T02']);
    const clean = runCliJson(['-w', ws.root, 'check', '--format', 'json']);
    expect(clean.code).toBe(0);
    expect(clean.json.diagnostics).toEqual([]);
  });
});
