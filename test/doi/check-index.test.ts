// C7's fallback when the check engine is not in the build: parser errors, duplicate ids and
// unknown dependencies found over the index, per repo, in file order.
import { afterAll, describe, expect, it } from 'vitest';
import { indexCheckErrors } from '../../src/doi/facts/check-index.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { daysBefore, evaluateAt, integratedRepo, writeRegistry } from './workspace.js';

afterAll(removeTempDirs);

describe('index-only check errors', () => {
  it('reports parser errors, duplicate ids in every repo declaring them, and unknown dependencies', async () => {
    const a = integratedRepo('alpha', 'SAME', daysBefore(5), {
      'workplans/X-WP-0002-broken.md': '---\nid: X-WP-0002\ntitle: [unclosed\n---\n',
      'workplans/X-WP-0003-deps.md': '---\nid: X-WP-0003\n---\n\n```task\nid: X-WP-0003-T01\ndepends_on: [NOPE-T99, T02, SAME-WP-0001-T01]\n```\n\n```task\nid: X-WP-0003-T02\n```\n',
    });
    const b = integratedRepo('beta', 'SAME', daysBefore(5));
    const c = integratedRepo('gamma', 'GAMA', daysBefore(5));
    const root = tempDir();
    writeRegistry(root, [a, b, c]);
    const run = await evaluateAt(root);
    const errors = indexCheckErrors(run.db, ['alpha', 'gamma']);
    run.db.close();
    expect([...errors.keys()]).toEqual(['alpha', 'gamma']);
    expect(errors.get('gamma')).toEqual([]);
    expect(errors.get('alpha')!.map((e) => `${e.file}:${e.line} ${e.rule_id} ${e.message}`)).toEqual([
      'workplans/SAME-WP-0001-retries.md:1 task/duplicate-id Id SAME-WP-0001 is declared 2 times in the workspace',
      'workplans/SAME-WP-0001-retries.md:12 task/duplicate-id Id SAME-WP-0001-T01 is declared 2 times in the workspace',
      'workplans/SAME-WP-0001-retries.md:21 task/duplicate-id Id SAME-WP-0001-T02 is declared 2 times in the workspace',
      // The YAML reader's own wording follows the rule id.
      expect.stringMatching(/^workplans\/X-WP-0002-broken\.md:4 frontmatter\/parse \S/),
      'workplans/X-WP-0003-deps.md:5 dependency/unknown X-WP-0003-T01 depends on NOPE-T99, which names no task',
    ]);
  });
});
