// DoI end to end over real git repositories committed at fixed dates, evaluated at a fixed "now".
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { git, gitRepo, removeTempDirs, tempDir, writeFiles } from '../helpers/git-repo.js';
import { commitAt, daysBefore, evaluateAt, integratedRepo, originOf, rootCommit, statuses, workplan, writeRegistry, type Evaluation } from './workspace.js';

afterAll(removeTempDirs);
let open: Evaluation | null = null;
afterEach(() => {
  open?.db.close();
  open = null;
});
const evaluate = async (...args: Parameters<typeof evaluateAt>) => {
  open?.db.close();
  return (open = await evaluateAt(...args));
};

const ALL_PASS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14'].map((id) => `${id}:pass`);

describe('a fully integrated repo', () => {
  it('passes all 14 criteria and reaches the full tier', async () => {
    const root = tempDir();
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.items).toHaveLength(1);
    expect(statuses(run.item('ledger'))).toEqual(ALL_PASS);
    expect(run.item('ledger')).toMatchObject({ repo_slug: 'ledger', tier: 'full', checked_at: '2026-03-01T12:00:00.000Z' });
    expect(run.criterion('ledger', 'C3').detail).toBe(`root commit ${repo.fingerprint!.slice(0, 12)} matches the fingerprint`);
    expect(run.criterion('ledger', 'C8').detail).toBe('README.md has a ## Scope section');
    expect(run.criterion('ledger', 'C11').detail).toBe('SBOM committed 5 days ago (2026-02-24)');
    expect(run.criterion('ledger', 'C14').detail).toBe('1 in_progress task, all touched within 14 days');
  });
});

describe('git states', () => {
  it('skips C3 in a shallow clone instead of reporting a mismatch', async () => {
    const source = integratedRepo('ledger', 'LEDG', daysBefore(6));
    writeFiles(source.dir, { 'CHANGELOG.md': 'x\n' });
    commitAt(source.dir, 'second', daysBefore(5));
    const clone = join(tempDir(), 'clone');
    git(source.dir, ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    const root = tempDir();
    writeRegistry(root, [{ slug: 'ledger', dir: clone, fingerprint: source.fingerprint, remote_url: `file://${source.dir}` }]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C3')).toEqual({
      id: 'C3',
      tier: 'core',
      status: 'skip',
      detail: `shallow clone: the root commit is not available (git fetch --unshallow to verify ${source.fingerprint!.slice(0, 12)})`,
    });
    expect(run.item('ledger').tier).toBe('full');
  });

  it('passes C2 and fails C3 for a repo with no commits', async () => {
    const dir = gitRepo({ 'AGENTS.md': 'x\n' }, { commit: false });
    const root = tempDir();
    writeRegistry(root, [{ slug: 'fresh', dir, fingerprint: 'f'.repeat(40), remote_url: originOf('fresh') }]);
    const run = await evaluate(root);
    expect(run.criterion('fresh', 'C2')).toMatchObject({ status: 'pass', detail: `git checkout at ${dir} (no commits yet)` });
    expect(run.criterion('fresh', 'C3')).toMatchObject({ status: 'fail', detail: 'no commits yet: the root commit cannot match fingerprint ffffffffffff until something is committed' });
    expect(run.criterion('fresh', 'C5')).toMatchObject({ status: 'fail' });
    expect(run.item('fresh').tier).toBe('none');
  });

  it('evaluates a detached HEAD at the commit it points to', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    rmSync(join(repo.dir, 'AGENTS.md'));
    commitAt(repo.dir, 'drop the guide', daysBefore(4));
    git(repo.dir, ['checkout', '-q', '--detach', 'HEAD~1']);
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C2').detail).toBe(`git checkout at ${repo.dir} (detached HEAD)`);
    expect(run.criterion('ledger', 'C5')).toMatchObject({ status: 'pass', detail: 'AGENTS.md committed' });
    expect(statuses(run.item('ledger'))).toEqual(ALL_PASS);
  });

  it('reads a linked worktree through its common repository', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    const worktree = join(tempDir(), 'feature');
    git(repo.dir, ['worktree', 'add', '-q', '-b', 'feature', worktree]);
    const root = tempDir();
    writeRegistry(root, [{ ...repo, dir: worktree }]);
    const run = await evaluate(root);
    expect(statuses(run.item('ledger'))).toEqual(ALL_PASS);
    expect(run.criterion('ledger', 'C4').detail).toBe(`origin is ${originOf('ledger')}`);
  });

  it('reads a repo that is a folder of a larger work tree relative to that folder', async () => {
    const big = gitRepo({ 'AGENTS.md': 'top\n', 'services/ledger/README.md': '# Ledger\n\nScope\n-----\n\nx\n', 'services/ledger/CLAUDE.md': 'x\n' }, { date: daysBefore(3) });
    const root = tempDir();
    writeRegistry(root, [{ slug: 'ledger', dir: join(big, 'services', 'ledger'), fingerprint: rootCommit(big) }]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C5').detail).toBe('CLAUDE.md committed');
    expect(run.criterion('ledger', 'C8').detail).toBe('README.md has a ## Scope section');
    expect(run.criterion('ledger', 'C3').status).toBe('pass');
  });

  it('fails C2 (and what needs the checkout) for a checkout missing on this host', async () => {
    const root = tempDir();
    writeRegistry(root, [{ slug: 'gone', dir: join(root, 'nowhere'), fingerprint: 'a'.repeat(40), remote_url: originOf('gone') }]);
    const run = await evaluate(root);
    expect(run.criterion('gone', 'C2')).toMatchObject({ status: 'fail', detail: `checkout not found at ${join(root, 'nowhere')}: clone the repo there, or add this host to its host_paths in custodian.yaml` });
    expect(run.criterion('gone', 'C5').detail).toBe('checkout not found on this host (see C2)');
    expect(run.item('gone').tier).toBe('none');
  });

  it('judges only what is committed: an uncommitted AGENTS.md does not count', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    rmSync(join(repo.dir, 'AGENTS.md'));
    commitAt(repo.dir, 'drop the guide', daysBefore(4));
    writeFiles(repo.dir, { 'AGENTS.md': 'back, not committed\n' });
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C5').status).toBe('fail');
    expect(run.item('ledger').tier).toBe('none');
  });
});

describe('failures', () => {
  it('reports a repo whose git facts cannot be read, and does not cache that answer', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    writeFileSync(join(repo.dir, '.git', 'refs', 'heads', 'main'), `${'d'.repeat(40)}\n`);
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C5')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^could not gather its facts: git /) });
    expect(run.criterion('ledger', 'C11')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^could not gather its facts: git /) });
    expect(run.criterion('ledger', 'C1').status).toBe('pass');
    expect(run.item('ledger').tier).toBe('none');
    expect(run.db.prepare("SELECT COUNT(*) FROM cache WHERE scope = 'doi'").pluck().get()).toBe(0);
    expect((await evaluate(root)).recomputed).toEqual({ ledger: ['tree', 'history', 'index', 'check'] });
  });
});

describe('time-based criteria', () => {
  it('C11: an SBOM committed 10 days ago passes, 40 days ago fails', async () => {
    const fresh = integratedRepo('fresh', 'FRSH', daysBefore(50));
    writeFiles(fresh.dir, { 'sbom.cdx.json': '{"v":2}\n' });
    commitAt(fresh.dir, 'refresh sbom', daysBefore(10));
    const stale = integratedRepo('stale', 'STAL', daysBefore(50));
    writeFiles(stale.dir, { 'sbom.cdx.json': '{"v":2}\n' });
    commitAt(stale.dir, 'refresh sbom', daysBefore(40));
    writeFiles(stale.dir, { 'notes.md': 'later\n' });
    commitAt(stale.dir, 'unrelated later commit', daysBefore(2));
    const root = tempDir();
    writeRegistry(root, [fresh, stale]);
    const run = await evaluate(root);
    expect(run.criterion('fresh', 'C11')).toMatchObject({ status: 'pass', detail: 'SBOM committed 10 days ago (2026-02-19)' });
    expect(run.criterion('stale', 'C11')).toMatchObject({ status: 'fail', detail: 'SBOM last committed 40 days ago (2026-01-20), over 30 days: regenerate and commit it' });
    expect(run.item('stale').tier).toBe('standard');
  });

  it('C14: an in_progress task last committed 20 days ago fails; one edited but not committed passes', async () => {
    const stale = integratedRepo('stale', 'STAL', daysBefore(20));
    // A later commit elsewhere in the same file does not touch the task's block.
    writeFiles(stale.dir, { 'workplans/STAL-WP-0001-retries.md': `${workplan('STAL')}\nA note at the end.\n` });
    commitAt(stale.dir, 'note', daysBefore(1));
    const edited = integratedRepo('edited', 'EDIT', daysBefore(20));
    writeFiles(edited.dir, { 'workplans/EDIT-WP-0001-retries.md': workplan('EDIT').replace('status: in_progress', 'status: in_progress\npriority: high') });
    const root = tempDir();
    writeRegistry(root, [stale, edited]);
    const run = await evaluate(root);
    expect(run.criterion('stale', 'C14')).toMatchObject({
      status: 'fail',
      detail: 'STAL-WP-0001-T01 (workplans/STAL-WP-0001-retries.md:12) is in_progress but untouched for 20 days: update it or set its real status',
    });
    expect(run.criterion('edited', 'C14')).toMatchObject({ status: 'pass', detail: '1 in_progress task, all touched within 14 days' });
  });

  it('C14: a file renamed lately keeps the age of its lines (blame follows the rename)', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(30));
    git(repo.dir, ['mv', 'workplans/LEDG-WP-0001-retries.md', 'workplans/LEDG-WP-0001-safe-retries.md']);
    commitAt(repo.dir, 'rename', daysBefore(3));
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C14')).toMatchObject({
      status: 'fail',
      detail: 'LEDG-WP-0001-T01 (workplans/LEDG-WP-0001-safe-retries.md:12) is in_progress but untouched for 30 days: update it or set its real status',
    });
  });

  it('C14: a file created within 14 days passes, in a repo that is a folder of a larger work tree too', async () => {
    const big = gitRepo({ 'old.txt': 'x\n' }, { date: daysBefore(60) });
    writeFiles(big, { 'services/ledger/workplans/LEDG-WP-0001-retries.md': workplan('LEDG') });
    commitAt(big, 'ledger plan', daysBefore(13));
    const root = tempDir();
    writeRegistry(root, [{ slug: 'ledger', dir: join(big, 'services', 'ledger') }]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C14')).toMatchObject({ status: 'pass', detail: '1 in_progress task, all touched within 14 days' });
    commitAt(big, 'nothing', daysBefore(1));
    const later = await evaluate(root, daysBefore(-2));
    expect(later.criterion('ledger', 'C14')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/untouched for 15 days/) });
  });

  it('C14: a task in a task file that was never committed counts as touched now', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(30));
    writeFiles(repo.dir, { 'docs/tasks/LEDG-7-keys.md': '---\nid: LEDG-7\ntitle: Rotate keys\nstatus: in_progress\n---\n' });
    writeFiles(repo.dir, { [`workplans/LEDG-WP-0001-retries.md`]: workplan('LEDG', { first: 'todo' }) });
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C14')).toMatchObject({ status: 'pass', detail: '1 in_progress task, all touched within 14 days' });
  });
});

describe('index-based criteria', () => {
  it('C6 and C7 fail on a file that does not parse and on an unknown dependency', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5), {
      'workplans/LEDG-WP-0002-broken.md': '---\nid: LEDG-WP-0002\ntitle: [unclosed\n---\n',
      'workplans/LEDG-WP-0003-deps.md': '---\nid: LEDG-WP-0003\n---\n\n```task\nid: LEDG-WP-0003-T01\ndepends_on: [NOPE-T99]\n```\n',
    });
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C6')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^workplans\/LEDG-WP-0002-broken\.md:4 does not parse \(frontmatter\/parse: /) });
    expect(run.criterion('ledger', 'C7')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^2 check errors, first workplans\/LEDG-WP-0002-broken\.md:4 frontmatter\/parse/) });
  });

  it('C7 passes when check reports only warnings', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5), {
      'workplans/LEDG-WP-0001-retries.md': workplan('LEDG').replace('status: todo', 'status: open'),
    });
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C7')).toMatchObject({ status: 'pass', detail: 'custodian check reports no errors' });
  });

  it('C7 fails in both repos that declare the same id', async () => {
    const a = integratedRepo('alpha', 'SAME', daysBefore(5));
    const b = integratedRepo('beta', 'SAME', daysBefore(5));
    const root = tempDir();
    writeRegistry(root, [a, b]);
    const run = await evaluate(root);
    // The first error is the duplicate workplan id, at its id: key (the check engine's wording follows the rule id).
    expect(run.criterion('alpha', 'C7').detail).toMatch(/^3 check errors, first workplans\/SAME-WP-0001-retries\.md:2 task\/duplicate-id \(.*SAME-WP-0001.*\): run custodian check --repo alpha$/);
    expect(run.criterion('beta', 'C7').detail).toMatch(/^3 check errors, first workplans\/SAME-WP-0001-retries\.md:2 task\/duplicate-id .*: run custodian check --repo beta$/);
  });

  it('C10 finds a goal naming the repo from another repo, and a domain goal', async () => {
    const hub = integratedRepo('hub', 'HUB', daysBefore(5), {
      'goals/GOAL-9-ledger.md': '---\nid: GOAL-9\ntype: goal\ntitle: Ledger first\nstatus: active\npriority: 3\nrepo: ledger\n---\n',
      'goals/GOAL-8-docs.md': '---\nid: GOAL-8\ntype: goal\ntitle: Docs\nstatus: active\npriority: 2\ndomain: docs\n---\n',
    });
    const ledger = integratedRepo('ledger', 'LEDG', daysBefore(5));
    rmSync(join(ledger.dir, 'goals'), { recursive: true });
    commitAt(ledger.dir, 'no goals here', daysBefore(4));
    const site = integratedRepo('site', 'SITE', daysBefore(5));
    rmSync(join(site.dir, 'goals'), { recursive: true });
    commitAt(site.dir, 'no goals here', daysBefore(4));
    const root = tempDir();
    writeRegistry(root, [hub, ledger, { ...site, domain: 'docs' }], [{ slug: 'payments' }, { slug: 'docs' }]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C10').detail).toBe('active goal GOAL-9 (priority 3)');
    expect(run.criterion('site', 'C10').detail).toBe('active goal GOAL-8 (priority 2, through domain docs)');
  });

  it("C13 is what check's two workplan rules say about the repo", async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5), {
      'workplans/LEDG-WP-0010-a.md': '---\nid: LEDG-WP-0010\nstatus: completed\n---\n\n```task\nid: LEDG-WP-0010-T01\nstatus: todo\n```\n',
      'workplans/LEDG-WP-0011-b.md': '---\nid: LEDG-WP-0011\nstatus: active\n---\n\n```task\nid: LEDG-WP-0011-T01\nstatus: done\n```\n\n```task\nid: LEDG-WP-0011-T02\nstatus: cancelled\n```\n',
      'workplans/LEDG-WP-0012-c.md': '---\nid: LEDG-WP-0012\nstatus: active\ntasks:\n  - id: T01\n    title: One\n    status: todo\n  - id: T02\n    title: Two\n---\n\n### T01 — One\n\n```task\nid: T01\nstatus: done\n```\n\n### Three\n\n```task\nid: T03\n```\n',
      'workplans/LEDG-WP-0013-empty.md': '---\nid: LEDG-WP-0013\nstatus: active\n---\n\nNo tasks yet.\n',
      'workplans/LEDG-WP-0014-files.md': '---\nid: LEDG-WP-0014\nstatus: completed\n---\n',
      'docs/tasks/LEDG-77-file.md': '---\nid: LEDG-77\nworkplan: LEDG-WP-0014\nstatus: blocked\n---\n',
    });
    const root = tempDir();
    writeRegistry(root, [repo]);
    const run = await evaluate(root);
    const { runCheck } = await import('../../src/check/index.js');
    const { resolveWorkspace } = await import('../../src/workspace/discover.js');
    const check = await runCheck(await resolveWorkspace({ cwd: root, workspace: root, env: { HOME: process.env.HOME } }), run.db, { repos: ['ledger'] });
    const drift = check.diagnostics.filter((d) => d.rule_id.startsWith('workplan/'));
    expect(drift.map((d) => `${d.rule_id} ${d.file}:${d.line}`)).toEqual([
      'workplan/status-rollup workplans/LEDG-WP-0010-a.md:3',
      'workplan/status-rollup workplans/LEDG-WP-0011-b.md:3',
      'workplan/task-list-mismatch workplans/LEDG-WP-0012-c.md:8',
      'workplan/task-list-mismatch workplans/LEDG-WP-0012-c.md:16',
      'workplan/task-list-mismatch workplans/LEDG-WP-0012-c.md:22',
      'workplan/status-rollup workplans/LEDG-WP-0014-files.md:3',
    ]);
    expect(run.criterion('ledger', 'C13')).toMatchObject({
      status: 'fail',
      detail: `workplans/LEDG-WP-0010-a.md:3 workplan/status-rollup (${drift[0].message}): see custodian check (and 5 more)`,
    });
  });
});

describe('registry criteria', () => {
  it('C1 fails for an archived domain; C4 passes for the same remote written differently', async () => {
    const repo = integratedRepo('ledger', 'LEDG', daysBefore(5));
    const root = tempDir();
    writeRegistry(root, [{ ...repo, remote_url: 'https://GIT.example.org/org/ledger/' }], [{ slug: 'payments', status: 'archived' }]);
    const run = await evaluate(root);
    expect(run.criterion('ledger', 'C1')).toMatchObject({ status: 'fail', detail: 'domain payments is archived: move the repo to an active domain or reactivate payments' });
    expect(run.criterion('ledger', 'C4')).toMatchObject({ status: 'pass' });
    expect(run.item('ledger').tier).toBe('none');
  });

  it('lists repos worst tier first, ties by slug', async () => {
    const full = integratedRepo('a-full', 'AFUL', daysBefore(5));
    const none = integratedRepo('z-none', 'ZNON', daysBefore(5));
    const none2 = integratedRepo('m-none', 'MNON', daysBefore(5));
    const root = tempDir();
    writeRegistry(root, [full, { ...none, fingerprint: null }, { ...none2, remote_url: null }]);
    const run = await evaluate(root);
    expect(run.items.map((i) => `${i.tier}:${i.repo_slug}`)).toEqual(['none:m-none', 'none:z-none', 'full:a-full']);
  });
});
