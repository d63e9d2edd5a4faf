// `custodian doi` as a subprocess: the JSON report, the table, exit codes, and the git processes
// it starts (none on the cached path; one blame per file on the cold one).
import { afterAll, describe, expect, it } from 'vitest';
import { gitRecorder, removeTempDirs, runCli, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';
import { commitAt, daysBefore, integratedRepo, NOW, workplan, writeRegistry } from './workspace.js';

afterAll(removeTempDirs);

function workspace() {
  const root = tempDir();
  const full = integratedRepo('ledger', 'LEDG', daysBefore(25));
  // Both tasks touched 2 days ago in a file older than the 14-day window: one blame covers both.
  writeFiles(full.dir, {
    'workplans/LEDG-WP-0001-retries.md': workplan('LEDG').replace('status: todo', 'status: in_progress').replace('status: in_progress', 'status: in_progress\npriority: high'),
  });
  commitAt(full.dir, 'start both tasks', daysBefore(2));
  // Created within the window: no blame needed.
  const bare = integratedRepo('bare', 'BARE', daysBefore(5));
  writeRegistry(root, [full, { ...bare, fingerprint: null }]);
  return root;
}

describe('custodian doi', () => {
  const root = workspace();
  const env = { CUSTODIAN_NOW: NOW };

  it('prints the doi-report JSON, worst tier first, and exits 0', () => {
    const { code, json } = runCliJson(['-w', root, 'doi', '--json'], { env });
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['schema_version', 'kind', 'mode', 'items']);
    expect(json).toMatchObject({ schema_version: 1, kind: 'doi-report', mode: 'workspace' });
    expect(json.items.map((i: any) => [i.repo_slug, i.tier])).toEqual([
      ['bare', 'none'],
      ['ledger', 'full'],
    ]);
    const item = json.items[1];
    expect(Object.keys(item)).toEqual(['repo_slug', 'tier', 'criteria', 'checked_at']);
    expect(item.checked_at).toBe('2026-03-01T12:00:00.000Z');
    expect(item.criteria[0]).toEqual({ id: 'C1', tier: 'core', status: 'pass', detail: 'registered in active domain payments' });
    expect(item.criteria.map((c: any) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14']);
  });

  it('answers for one repo, and says not-found (exit 1) for an unknown one', () => {
    const one = runCliJson(['-w', root, 'doi', 'bare', '--json'], { env });
    expect(one.json.items.map((i: any) => i.repo_slug)).toEqual(['bare']);
    const unknown = runCliJson(['-w', root, 'doi', 'nope', '--json'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.json).toMatchObject({ kind: 'error', code: 'not-found', message: 'no repo nope in the workspace (try `custodian repo list`)' });
    expect(runCli(['-w', root, 'doi', 'nope'], { env })).toMatchObject({ code: 1, stdout: '' });
  });

  it('prints a table with a mark per criterion and the failing details below', () => {
    const result = runCli(['-w', root, 'doi'], { env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'REPO    TIER      C1  C2  C3  C4  C5  C6  C7  C8  C9  C10  C11  C12  C13  C14',
      'bare    none      ✓   ✓   ✗   ✓   ✓   ✓   ✓   ✓   ✓   ✓    ✓    ✓    ✓    ✓',
      'ledger  full      ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓    ✓    ✓    ✓    ✓',
    ]);
    expect(lines[4]).toBe('bare (none)');
    expect(lines[5]).toMatch(/^ {2}✗ C3 {3}no fingerprint recorded: add fingerprint: [0-9a-f]{40} to the repo's entry in custodian.yaml$/);
    expect(result.stderr).toBe('2 repos: 1 full, 0 standard, 0 core, 1 none\n');
  });

  it('falls back to ASCII marks when the locale is not UTF-8', () => {
    const result = runCli(['-w', root, 'doi', 'bare'], { env: { ...env, LC_ALL: 'C' } });
    expect(result.stdout.split('\n')[1]).toBe('bare  none      +   +   x   +   +   +   +   +   +   +    +    +    +    +');
  });

  it('rejects a CUSTODIAN_NOW that is not a time (usage, exit 2)', () => {
    const result = runCliJson(['-w', root, 'doi', '--json'], { env: { CUSTODIAN_NOW: 'yesterday' } });
    expect(result.code).toBe(2);
    expect(result.json).toMatchObject({ kind: 'error', code: 'usage' });
  });
});

describe('custodian doi in single-repo mode', () => {
  it('evaluates the repo around the current folder, failing C1 (no registry)', () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5)).dir;
    const { code, json } = runCliJson(['doi', '--json'], { cwd: repo, env: { CUSTODIAN_NOW: NOW, XDG_CACHE_HOME: tempDir() } });
    expect(code).toBe(0);
    expect(json.mode).toBe('single-repo');
    expect(json.items).toHaveLength(1);
    expect(json.items[0].criteria[0]).toEqual({
      id: 'C1',
      tier: 'core',
      status: 'fail',
      detail: 'not registered: no custodian.yaml lists this repo; add it to a workspace under an active domain',
    });
    expect(json.items[0].tier).toBe('none');
  });
});

/** What CUSTODIAN_DEBUG says on stderr of doi, without the sync's own lines. */
const doiDebug = (stderr: string) => stderr.split(/(?<=\n)/).filter((line) => !line.startsWith('custodian: sync: ')).join('');

describe('git processes', () => {
  it('cold: one blame per older file with in_progress tasks, none for files created lately; cached: no git process at all', () => {
    const root = workspace();
    const recorder = gitRecorder();
    const env = { CUSTODIAN_NOW: NOW, ...recorder.env };
    expect(runCli(['-w', root, 'doi', '--json'], { env }).code).toBe(0);
    const blames = recorder.calls().filter((c) => c.startsWith('blame '));
    expect(blames).toEqual(['blame --porcelain --no-textconv -L 12,16 -L 22,26 -- workplans/LEDG-WP-0001-retries.md']);
    const cold = recorder.calls().length;
    expect(cold).toBeGreaterThan(0);

    const cached = runCliJson(['-w', root, 'doi', '--json'], { env: { ...env, CUSTODIAN_DEBUG: '1' } });
    expect(cached.code).toBe(0);
    expect(doiDebug(cached.stderr)).toBe('custodian: doi: recomputed nothing\n');
    expect(recorder.calls().length).toBe(cold);

    const refreshed = runCliJson(['-w', root, 'doi', '--json', '--refresh'], { env: { ...env, CUSTODIAN_DEBUG: '1' } });
    expect(doiDebug(refreshed.stderr)).toBe('custodian: doi: recomputed ledger (tree, history, index, check), bare (tree, history, index, check)\n');
    expect(refreshed.json.items).toEqual(cached.json.items);
    expect(recorder.calls().length).toBeGreaterThan(cold);
  });

  it('a new day re-judges C11/C14 without git, until a file known only as "created lately" leaves the window', () => {
    const root = workspace();
    const recorder = gitRecorder();
    expect(runCli(['-w', root, 'doi', '--json'], { env: { CUSTODIAN_NOW: NOW, ...recorder.env } }).code).toBe(0);
    const before = recorder.calls().length;
    const nextDay = runCliJson(['-w', root, 'doi', '--json'], { env: { CUSTODIAN_NOW: daysBefore(-1), CUSTODIAN_DEBUG: '1', ...recorder.env } });
    expect(doiDebug(nextDay.stderr)).toBe('custodian: doi: recomputed ledger (history), bare (history)\n');
    expect(recorder.calls().length).toBe(before);
    // bare's workplan was created 5 days before NOW: 10 days later it is 15 days old, and only blame can say how old its tasks are.
    const later = runCliJson(['-w', root, 'doi', 'bare', '--json'], { env: { CUSTODIAN_NOW: daysBefore(-10), ...recorder.env } });
    expect(recorder.calls().slice(before).filter((c) => c.startsWith('blame '))).toEqual(['blame --porcelain --no-textconv -L 12,15 -- workplans/BARE-WP-0001-retries.md']);
    expect(later.json.items[0].criteria[13]).toMatchObject({ id: 'C14', status: 'fail', detail: expect.stringMatching(/untouched for 15 days/) });
  });
});
