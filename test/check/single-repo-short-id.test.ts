// Single-repo mode (a hook in a repo with no registry): a dependency the check cannot find may
// live in another repo (info), except a short id (`T9`) of a task declared in a workplan, which
// can only name a task of that same workplan: a missing one is an error, as in a workspace.
import { afterAll, describe, expect, it } from 'vitest';
import { gitRepo, removeTempDirs, runCliJson, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const PLAN = [
  '---',
  'id: WP-1',
  'status: active',
  '---',
  '',
  '```task',
  'id: T01',
  'depends_on: [T9, OTHER-WP-3-T01]',
  '```',
  '',
].join('\n');

describe('single-repo mode', () => {
  it('reports an unknown short id as dependency/unknown (error), a global one as dependency/unresolved (info)', () => {
    const repo = gitRepo({ 'workplans/WP-1-plan.md': PLAN });
    const { code, json } = runCliJson(['check', '--format', 'json'], { cwd: repo, env: { XDG_CACHE_HOME: tempDir() } });
    expect(json.mode).toBe('single-repo');
    expect(json.diagnostics.map((d: any) => [d.rule_id, d.severity, d.line, d.column])).toEqual([
      ['dependency/unknown', 'error', 8, 14],
      ['dependency/unresolved', 'info', 8, 18],
    ]);
    expect(json.diagnostics[0].message).toBe('Unknown dependency `T9` of `WP-1-T01`: a short id names a task of the same workplan, and `WP-1` has no `T9`');
    expect(code).toBe(1);
  });
});
