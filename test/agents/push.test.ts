// --push: the git remote as the compare-and-set between machines. Several clones of one bare
// remote claim the same task at once: exactly one wins, the remote holds exactly one claim commit,
// and the losers' branches carry no commit of their own. Also next --claim, release and status.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, commitAll, git, gitEnv, removeTempDirs, runCliJson, tempDir, writeFiles } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

const FENCE = '```';
const CLONES = 4;
let cache: string;
beforeAll(() => {
  cache = tempDir('custodian-cache-');
});

/** A bare remote seeded with one workplan of `tasks` ready tasks, and `clones` clones of it. */
function remoteWithClones(tasks: number, clones: number): { remote: string; clones: string[] } {
  const base = tempDir('custodian-push-');
  const remote = join(base, 'remote.git');
  git(base, ['init', '-q', '--bare', '-b', 'main', remote]);
  const seed = join(base, 'seed');
  git(base, ['clone', '-q', remote, seed]);
  const plan = ['---', 'id: PUSH-WP-1', 'status: active', '---', ''];
  for (let i = 1; i <= tasks; i++) plan.push(`## Task ${i}`, '', `${FENCE}task`, `id: T0${i}`, 'status: todo', FENCE, '');
  writeFiles(seed, { 'workplans/PUSH-WP-1.md': plan.join('\n'), 'README.md': 'seed\n' });
  commitAll(seed, 'seed');
  git(seed, ['push', '-q', 'origin', 'main']);
  return {
    remote,
    clones: Array.from({ length: clones }, (_, i) => {
      const dir = join(base, `clone-${i}`);
      git(base, ['clone', '-q', remote, dir]);
      return dir;
    }),
  };
}

/** The CLI in a clone (single-repo mode: the clone is the workspace). */
function cliIn(dir: string, args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...gitEnv(), NO_COLOR: '1', XDG_CACHE_HOME: cache } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = { unparsed: stdout };
      }
      resolve({ code: code ?? -1, json, stderr });
    });
  });
}

const subjects = (gitDir: string, range = 'main') => git(gitDir, ['log', '--format=%s', range]).trim().split('\n');
const unpushed = (clone: string) => git(clone, ['log', '--format=%s', '@{upstream}..HEAD']).trim();

describe('--push', () => {
  it('one of several clones claiming the same task wins; the remote has one claim commit; losers keep no commit', async () => {
    const { remote, clones } = remoteWithClones(2, CLONES);
    const results = await Promise.all(clones.map((dir, i) => cliIn(dir, ['task', 'claim', 'PUSH-WP-1-T01', '--as', `agent-${i}`, '--push', '--json'])));
    const winners = results.flatMap((result, i) => (result.code === 0 ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    expect(results[winner].json).toMatchObject({
      kind: 'claim',
      changed: true,
      task: { id: 'PUSH-WP-1-T01', status: 'in_progress', assignee: `agent-${winner}` },
      push: { remote: 'origin', branch: 'main', commit: expect.stringMatching(/^[0-9a-f]{40}$/) },
    });
    for (const [i, result] of results.entries()) {
      if (i === winner) continue;
      expect(result).toMatchObject({ code: 1, json: { kind: 'error', code: 'conflict', reason: 'taken', current: { status: 'in_progress', assignee: `agent-${winner}` } } });
    }
    expect(subjects(remote)).toEqual([`custodian: claim PUSH-WP-1-T01 for agent-${winner}`, 'seed']);
    expect(git(remote, ['show', '--stat', '--format=', 'main']).trim()).toMatch(/^workplans\/PUSH-WP-1\.md \| 3 \+\+-\n 1 file changed/);
    for (const clone of clones) {
      expect(unpushed(clone)).toBe('');
      expect(git(clone, ['status', '--porcelain'])).toBe('');
      expect(subjects(clone, 'HEAD').filter((s) => s.startsWith('custodian:'))).toEqual(clones.indexOf(clone) === winner ? [`custodian: claim PUSH-WP-1-T01 for agent-${winner}`] : expect.any(Array));
    }
    // No loser has a claim of its own anywhere in its history.
    for (const [i, clone] of clones.entries()) if (i !== winner) expect(subjects(clone, '--all').filter((s) => s.includes(`for agent-${i}`))).toEqual([]);
  }, 240_000);

  it('next --claim --push gives each clone a different task, one commit each on the remote', async () => {
    const { remote, clones } = remoteWithClones(CLONES + 1, CLONES);
    const results = await Promise.all(clones.map((dir, i) => cliIn(dir, ['next', '--as', `agent-${i}`, '--claim', '--push', '--json'])));
    for (const result of results) expect(result.json).toMatchObject({ kind: 'next', claimed: true, push: { remote: 'origin' } });
    const ids = results.map((result) => result.json.task.id);
    expect(new Set(ids).size).toBe(CLONES);
    const claims = subjects(remote).filter((s) => s.startsWith('custodian: claim'));
    expect(claims.sort()).toEqual(results.map((r, i) => `custodian: claim ${r.json.task.id} for agent-${i}`).sort());
    expect(subjects(remote)).toHaveLength(CLONES + 1);
    for (const clone of clones) {
      expect(unpushed(clone)).toBe('');
      expect(git(clone, ['status', '--porcelain'])).toBe('');
    }
  }, 240_000);

  it('release and task status push too; a file with uncommitted changes or no upstream is refused untouched', async () => {
    const { remote, clones } = remoteWithClones(2, 2);
    const [a, b] = clones;
    expect((await cliIn(a, ['task', 'claim', 'PUSH-WP-1-T01', '--as', 'a', '--push', '--json'])).code).toBe(0);
    // b has not pulled: its copy still says todo. Its claim is decided again on the remote's state.
    expect(await cliIn(b, ['task', 'claim', 'PUSH-WP-1-T01', '--as', 'b', '--push', '--json'])).toMatchObject({ code: 1, json: { reason: 'taken' } });
    expect((await cliIn(a, ['task', 'status', 'PUSH-WP-1-T01', 'done', '--push', '--json'])).json).toMatchObject({ task: { status: 'done', assignee: 'a' }, push: { remote: 'origin' } });
    // b claims the second task: its push is rejected once (a moved the remote), then rebased and pushed.
    expect(await cliIn(b, ['task', 'claim', 'PUSH-WP-1-T02', '--as', 'b', '--push', '--json'])).toMatchObject({ code: 0, json: { push: { attempts: 2 } } });
    expect((await cliIn(b, ['task', 'release', 'PUSH-WP-1-T02', '--push', '--json'])).json).toMatchObject({ kind: 'release', task: { status: 'todo', assignee: null } });
    expect(subjects(remote)).toEqual([
      'custodian: release PUSH-WP-1-T02 from b',
      'custodian: claim PUSH-WP-1-T02 for b',
      'custodian: PUSH-WP-1-T01 done',
      'custodian: claim PUSH-WP-1-T01 for a',
      'seed',
    ]);
    writeFileSync(join(a, 'workplans/PUSH-WP-1.md'), `${git(a, ['show', 'HEAD:workplans/PUSH-WP-1.md'])}\nA local note.\n`);
    const before = git(a, ['rev-parse', 'HEAD']);
    expect(await cliIn(a, ['task', 'claim', 'PUSH-WP-1-T02', '--as', 'a', '--push', '--json'])).toMatchObject({ code: 1, json: { code: 'refused', reason: 'push-unavailable' } });
    expect(git(a, ['rev-parse', 'HEAD'])).toBe(before);
    git(a, ['checkout', '-q', '--', '.']);
    git(a, ['checkout', '-q', '-b', 'local-only']);
    expect(await cliIn(a, ['task', 'claim', 'PUSH-WP-1-T02', '--as', 'a', '--push', '--json'])).toMatchObject({ code: 1, json: { code: 'refused', reason: 'push-unavailable' } });
    expect(git(a, ['status', '--porcelain'])).toBe('');
    expect(runCliJson(['task', 'show', 'PUSH-WP-1-T02', '--json'], { cwd: a, env: { XDG_CACHE_HOME: cache } }).json.task).toMatchObject({ status: 'todo', assignee: null });
  }, 240_000);
});
