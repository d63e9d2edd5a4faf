// Point 3 of issue 10: every file under the size cap is editable, however many lines follow the edit.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unifiedDiff } from '../../src/edit/unified-diff.js';
import { removeTempDirs, runCliJsonAsync } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const HEAD = ['---', 'id: A-1', 'domain: core', 'status: active', '---', '', '## A-1-T1', '', '```task', 'id: A-1-T1', 'status: wip', '```', ''].join('\n');

function longWorkplan(lines: number, line: string): string {
  return HEAD + `${line}\n`.repeat(lines);
}

describe('long files', () => {
  it('unifiedDiff of a one-line change among 600,000 lines is one small hunk at the right line', async () => {
    const tail = 'line\n'.repeat(300_000);
    const before = `a\nb\nc\nd\ne\n${tail}`;
    const after = `a\nb\nc\nd\nE\n${tail}`;
    expect(unifiedDiff(before, after, 'x.md')).toBe('--- a/x.md\n+++ b/x.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n line\n line\n line\n');
    const late = `${tail}x\n${tail}`;
    expect(unifiedDiff(late, late.replace('x\n', 'y\n'), 'x.md')).toBe(
      '--- a/x.md\n+++ b/x.md\n@@ -299998,7 +299998,7 @@\n line\n line\n line\n-x\n+y\n line\n line\n line\n',
    );
  });

  it('task status, check --fix and domain rename edit a workplan with 130,000 lines after the task', async () => {
    const ws = tempWorkspace({ alpha: { 'workplans/A-1.md': longWorkplan(130_000, 'filler text') } });
    const file = join(ws.repo('alpha'), 'workplans/A-1.md');
    expect(statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    const tail = readFileSync(file, 'utf8').slice(HEAD.length);

    const fix = await runCliJsonAsync(['-w', ws.root, 'check', '--fix', '--format', 'json']);
    expect(fix.stderr).not.toMatch(/call stack/);
    expect(fix.json.kind, JSON.stringify(fix.json)).toBe('check-report');
    expect(readFileSync(file, 'utf8')).toBe(HEAD.replace('status: wip', 'status: in_progress') + tail);

    const status = await runCliJsonAsync(['-w', ws.root, 'task', 'status', 'A-1-T1', 'done', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(HEAD.replace('status: wip', 'status: done') + tail);

    const rename = await runCliJsonAsync(['-w', ws.root, 'domain', 'rename', 'core', 'platform', '--json']);
    expect(rename.code, JSON.stringify(rename.json)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(HEAD.replace('status: wip', 'status: done').replace('domain: core', 'domain: platform') + tail);
  }, 120_000);
});
