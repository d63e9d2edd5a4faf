// The DoI cache: results keyed by fingerprints of their inputs; a change recomputes the groups of
// criteria it can affect, in the repos it can affect, and nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';
import { commitAt, daysBefore, evaluateAt, integratedRepo, NOW, workplan, writeRegistry, type Evaluation, type RepoEntry } from './workspace.js';

afterAll(removeTempDirs);

const ALL = ['tree', 'history', 'index', 'check'];
let root: string;
let alpha: RepoEntry;
let beta: RepoEntry;
let open: Evaluation | null = null;

async function evaluate(now = NOW, options: { refresh?: boolean; repos?: string[] } = {}): Promise<Evaluation> {
  open?.db.close();
  return (open = await evaluateAt(root, now, options));
}

beforeEach(async () => {
  root = tempDir();
  alpha = integratedRepo('alpha', 'ALPH', daysBefore(5));
  // beta depends on a task of alpha: alpha's ids are part of beta's check.
  beta = integratedRepo('beta', 'BETA', daysBefore(5), {
    'workplans/BETA-WP-0002-follow.md': '---\nid: BETA-WP-0002\n---\n\n```task\nid: BETA-WP-0002-T01\ndepends_on: [ALPH-WP-0001-T02]\n```\n',
  });
  writeRegistry(root, [alpha, beta]);
  const first = await evaluate();
  expect(first.recomputed).toEqual({ alpha: ALL, beta: ALL });
});
afterEach(() => {
  open?.db.close();
  open = null;
});

describe('the DoI cache', () => {
  it('serves an unchanged workspace wholly from the cache, with the same answer', async () => {
    const before = open!.items;
    const again = await evaluate();
    expect(again.recomputed).toEqual({ alpha: [], beta: [] });
    expect(again.items).toEqual(before);
    expect(again.item('alpha').tier).toBe('full');
    const keys = again.db.prepare("SELECT key FROM cache WHERE scope = 'doi' ORDER BY key").pluck().all();
    expect(keys).toEqual(['alpha', 'beta']);
  });

  it('a new commit recomputes the git groups of that repo only', async () => {
    writeFiles(alpha.dir, { 'CHANGELOG.md': 'one\n' });
    commitAt(alpha.dir, 'changelog', daysBefore(1));
    const run = await evaluate();
    expect(run.recomputed).toEqual({ alpha: ['tree', 'history'], beta: [] });
  });

  it('a registry edit recomputes that repo only, and its answer changes', async () => {
    writeRegistry(root, [{ ...alpha, remote_url: 'https://git.example.org/org/moved.git' }, beta]);
    const run = await evaluate();
    expect(run.recomputed).toEqual({ alpha: ALL, beta: [] });
    expect(run.criterion('alpha', 'C4')).toMatchObject({ status: 'fail' });
    expect(run.item('alpha').tier).toBe('none');
  });

  it('a file change that keeps every id recomputes that repo\'s file-based groups only', async () => {
    const file = join(alpha.dir, 'workplans/ALPH-WP-0001-retries.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Safe retries', 'title: Safer retries'));
    const run = await evaluate();
    expect(run.recomputed).toEqual({ alpha: ['history', 'index', 'check'], beta: [] });
  });

  it("a change of the workspace's id set re-evaluates C7 everywhere, and nothing else elsewhere", async () => {
    writeFiles(alpha.dir, { 'workplans/ALPH-WP-0001-retries.md': workplan('ALPH').replace(/### Replay window[\s\S]*$/, '') });
    const run = await evaluate();
    expect(run.recomputed).toEqual({ alpha: ['history', 'index', 'check'], beta: ['check'] });
    expect(run.criterion('beta', 'C7')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^1 check error, first workplans\/BETA-WP-0002-follow\.md:7 dependency\/unknown \(.*ALPH-WP-0001-T02.*\): run custodian check --repo beta$/),
    });
    expect(run.item('beta').tier).toBe('core');
  });

  it('a new day recomputes the time-based group only', async () => {
    const run = await evaluate('2026-03-02T08:00:00Z');
    expect(run.recomputed).toEqual({ alpha: ['history'], beta: ['history'] });
    expect(run.criterion('alpha', 'C11').detail).toBe('SBOM committed 5 days ago (2026-02-24)');
    expect(run.item('alpha').checked_at).toBe('2026-03-01T12:00:00.000Z');
    const later = await evaluate('2026-03-02T23:00:00Z');
    expect(later.recomputed).toEqual({ alpha: [], beta: [] });
  });

  it('--refresh recomputes every group, and a one-repo run touches only that repo', async () => {
    expect((await evaluate(NOW, { refresh: true, repos: ['beta'] })).recomputed).toEqual({ beta: ALL });
    expect((await evaluate(NOW, { refresh: true })).recomputed).toEqual({ alpha: ALL, beta: ALL });
  });

  it('recomputes everything when the cache row is unreadable or the index was deleted', async () => {
    open!.db.prepare("UPDATE cache SET value = 'not json', fingerprint = 'x' WHERE scope = 'doi' AND key = 'alpha'").run();
    expect((await evaluate()).recomputed).toEqual({ alpha: ALL, beta: [] });
    open!.db.exec('DELETE FROM cache');
    expect((await evaluate()).recomputed).toEqual({ alpha: ALL, beta: ALL });
  });
});
