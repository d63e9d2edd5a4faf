import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { removeTempDirs, runCli, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('custodian parse', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'workplans/WP-5.md': ['---', 'id: WP-5', 'status: completed', '---', '', '### P1 — First', '', '```task', 'id: WP-5-T01', 'status: done', 'priority: high', '```', ''].join('\n'),
    'workplans/broken.md': ['---', 'id: WP-6', 'status: [', '---', ''].join('\n'),
    'notes.md': '# no front-matter\n',
  });

  it('prints a parse-report with documents, tasks and positions', () => {
    const { code, json } = runCliJson(['parse', 'workplans/WP-5.md', '--json'], { cwd: dir });
    expect(code).toBe(0);
    expect(json).toMatchObject({
      schema_version: 1,
      kind: 'parse-report',
      files: [
        {
          file: 'workplans/WP-5.md',
          diagnostics: [],
          documents: [
            {
              kind: 'workplan',
              id: 'WP-5',
              title: null,
              status: 'completed',
              status_raw: 'completed',
              line: 1,
              tasks: [
                {
                  id: 'WP-5-T01',
                  local_id: null,
                  title: 'P1 — First',
                  status: 'done',
                  status_raw: 'done',
                  priority: 'high',
                  depends_on: [],
                  needs_human: false,
                  line: 8,
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('exits 1 when any diagnostic is an error, and goes on with the other files', () => {
    const { code, json } = runCliJson(['parse', 'workplans/broken.md', 'notes.md', 'missing.md', 'workplans/WP-5.md', '--json'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.files.map((f: any) => [f.file, f.diagnostics.map((d: any) => [d.rule_id, d.severity, d.line])])).toEqual([
      ['workplans/broken.md', [['frontmatter/parse', 'error', 4]]],
      ['notes.md', [['frontmatter/missing', 'warning', 1]]],
      ['missing.md', [['file/unreadable', 'error', 1]]],
      ['workplans/WP-5.md', []],
    ]);
  });

  it('exits 0 with warnings only, prints a human view without --json', () => {
    const result = runCli(['parse', join(dir, 'notes.md'), 'workplans/WP-5.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('frontmatter/missing');
    expect(result.stdout).toContain('WP-5-T01');
  });

  it('exits 2 without a file', () => {
    expect(runCli(['parse'], { cwd: dir }).code).toBe(2);
    expect(runCliJson(['parse', '--json'], { cwd: dir }).json).toMatchObject({ kind: 'error', code: 'usage' });
  });
});
