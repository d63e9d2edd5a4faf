// Each criterion as a pure function: the passing repo passes, and each way of failing says what
// is missing and where to put it.
import { describe, expect, it } from 'vitest';
import { C1 } from '../../src/doi/criteria/C1-active-domain.js';
import { C2 } from '../../src/doi/criteria/C2-checkout-reachable.js';
import { C3 } from '../../src/doi/criteria/C3-fingerprint.js';
import { C4 } from '../../src/doi/criteria/C4-remote-url.js';
import { C5 } from '../../src/doi/criteria/C5-agent-guide.js';
import { C6 } from '../../src/doi/criteria/C6-documents-parse.js';
import { C7 } from '../../src/doi/criteria/C7-check-clean.js';
import { C8 } from '../../src/doi/criteria/C8-scope.js';
import { C9 } from '../../src/doi/criteria/C9-sbom.js';
import { C10 } from '../../src/doi/criteria/C10-active-goal.js';
import { C11 } from '../../src/doi/criteria/C11-sbom-fresh.js';
import { C12 } from '../../src/doi/criteria/C12-ci.js';
import { C13 } from '../../src/doi/criteria/C13-no-drift.js';
import { C14 } from '../../src/doi/criteria/C14-no-stale-tasks.js';
import { CRITERIA } from '../../src/doi/criteria/index.js';
import { checkFacts, checkout, daysAgo, history, indexFacts, NOW, registry, repoConfig, ROOT_SHA, tree, UNREACHABLE } from './facts.js';

describe('the criteria table', () => {
  it('lists C1 to C14 in order with the tiers of DESIGN', () => {
    expect(CRITERIA.map((c) => `${c.id}:${c.tier}`)).toEqual([
      'C1:core', 'C2:core', 'C3:core', 'C4:core', 'C5:core',
      'C6:standard', 'C7:standard', 'C8:standard', 'C9:standard', 'C10:standard',
      'C11:full', 'C12:full', 'C13:full', 'C14:full',
    ]);
  });

  it('documents every criterion', () => {
    for (const c of CRITERIA) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.docs.length).toBeGreaterThan(40);
    }
  });
});

describe('C1 registered with an active domain', () => {
  it('passes for an active domain', () => {
    expect(C1.evaluate(indexFacts(), NOW)).toEqual({ status: 'pass', detail: 'registered in active domain payments' });
  });
  it('fails for an archived domain, an unregistered domain and single-repo mode', () => {
    const archived = indexFacts({ domain: { slug: 'payments', name: 'P', description: null, status: 'archived', extra: {} } });
    expect(C1.evaluate(archived, NOW)).toEqual({
      status: 'fail',
      detail: 'domain payments is archived: move the repo to an active domain or reactivate payments',
    });
    expect(C1.evaluate(indexFacts({ domain: null }), NOW).detail).toBe('domain payments is not registered: add it under domains: in custodian.yaml');
    const single = indexFacts({ mode: 'single-repo', repo: repoConfig({ domain: null }), domain: null });
    expect(C1.evaluate(single, NOW)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^not registered: /) });
  });
});

describe('C2 checkout reachable', () => {
  it('passes for a work tree, noting an empty repo and a detached HEAD', () => {
    expect(C2.evaluate(tree(), NOW)).toEqual({ status: 'pass', detail: 'git checkout at /srv/ledger' });
    expect(C2.evaluate(tree({ checkout: checkout({ head: null }) }), NOW).detail).toBe('git checkout at /srv/ledger (no commits yet)');
    expect(C2.evaluate(tree({ checkout: checkout({ branch: null }) }), NOW).detail).toBe('git checkout at /srv/ledger (detached HEAD)');
  });
  it('fails for a missing folder and a folder outside git', () => {
    expect(C2.evaluate(tree({ checkout: UNREACHABLE }), NOW)).toEqual({
      status: 'fail',
      detail: 'checkout not found at /srv/ledger: clone the repo there, or add this host to its host_paths in custodian.yaml',
    });
    expect(C2.evaluate(tree({ checkout: checkout({ work_tree: null }) }), NOW).detail).toBe(
      '/srv/ledger is not inside a git work tree: clone the repo there (or run git init)',
    );
  });
});

describe('C3 fingerprint', () => {
  it('passes when the fingerprint is a root commit', () => {
    expect(C3.evaluate(tree(), NOW)).toEqual({ status: 'pass', detail: 'root commit aaaaaaaaaaaa matches the fingerprint' });
    expect(C3.evaluate(tree({ roots: ['c'.repeat(40), ROOT_SHA] }), NOW).status).toBe('pass');
  });
  it('fails with none recorded, naming the root to record', () => {
    const facts = tree({ repo: repoConfig({ fingerprint: null }) });
    expect(C3.evaluate(facts, NOW).detail).toBe(`no fingerprint recorded: add fingerprint: ${ROOT_SHA} to the repo's entry in custodian.yaml`);
  });
  it('fails on a mismatch and with no commits', () => {
    expect(C3.evaluate(tree({ roots: ['c'.repeat(40)] }), NOW).detail).toBe(
      'fingerprint aaaaaaaaaaaa is not a root commit of this checkout (root: cccccccccccc): wrong clone, or correct fingerprint in custodian.yaml',
    );
    expect(C3.evaluate(tree({ roots: [], checkout: checkout({ head: null }) }), NOW)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^no commits yet/) });
  });
  it('skips in a shallow clone, never reporting the boundary as a mismatch', () => {
    expect(C3.evaluate(tree({ roots: [], checkout: checkout({ shallow: true }) }), NOW)).toEqual({
      status: 'skip',
      detail: 'shallow clone: the root commit is not available (git fetch --unshallow to verify aaaaaaaaaaaa)',
    });
  });
  it('fails (pointing at C2) when the checkout is missing', () => {
    expect(C3.evaluate(tree({ checkout: UNREACHABLE, roots: [] }), NOW)).toEqual({ status: 'fail', detail: 'checkout not found on this host (see C2)' });
  });
});

describe('C4 remote_url', () => {
  it('passes for the same remote written differently', () => {
    const facts = tree({ checkout: checkout({ origin: 'https://Git.Example.org/org/ledger/' }) });
    expect(C4.evaluate(facts, NOW)).toEqual({ status: 'pass', detail: 'origin is https://Git.Example.org/org/ledger/' });
  });
  it('fails with none recorded, on no origin, and on a different remote', () => {
    expect(C4.evaluate(tree({ repo: repoConfig({ remote_url: null }) }), NOW).detail).toBe(
      "no remote_url recorded: add remote_url: https://git.example.org/org/ledger.git to the repo's entry in custodian.yaml",
    );
    expect(C4.evaluate(tree({ checkout: checkout({ origin: null }) }), NOW).detail).toBe(
      'the checkout has no origin remote: run git remote add origin https://git.example.org/org/ledger.git',
    );
    expect(C4.evaluate(tree({ checkout: checkout({ origin: 'https://git.example.org/fork/ledger.git' }) }), NOW).detail).toBe(
      'origin is https://git.example.org/fork/ledger.git but custodian.yaml records https://git.example.org/org/ledger.git: correct one of them',
    );
  });
});

describe('C5 agent guide', () => {
  it('passes for AGENTS.md or CLAUDE.md at the root', () => {
    expect(C5.evaluate(tree(), NOW).detail).toBe('AGENTS.md committed');
    expect(C5.evaluate(tree({ files: ['CLAUDE.md'] }), NOW).detail).toBe('CLAUDE.md committed');
  });
  it('fails when it is only in a sub-folder or missing', () => {
    expect(C5.evaluate(tree({ files: ['docs/AGENTS.md'] }), NOW)).toEqual({
      status: 'fail',
      detail: 'no AGENTS.md or CLAUDE.md committed at the repo root: add one telling agents how to work here',
    });
  });
});

describe('C6 planning files parse', () => {
  it('passes with files and no parser error', () => {
    expect(C6.evaluate(indexFacts(), NOW)).toEqual({ status: 'pass', detail: '2 workplan and task files, all parse' });
  });
  it('fails with no planning file', () => {
    expect(C6.evaluate(indexFacts({ planning_documents: 0 }), NOW).detail).toMatch(/^no workplan or task file: add a workplan under workplans\//);
  });
  it('fails on a parser error, naming the first one', () => {
    const facts = indexFacts({
      parse_errors: [
        { file: 'workplans/a.md', line: 4, rule_id: 'frontmatter/parse', message: 'Invalid YAML\nmore' },
        { file: 'workplans/b.md', line: 9, rule_id: 'task/parse', message: 'x' },
      ],
    });
    expect(C6.evaluate(facts, NOW).detail).toBe('workplans/a.md:4 does not parse (frontmatter/parse: Invalid YAML) (and 1 more): fix it so its tasks count');
  });
});

describe('C7 check reports no errors', () => {
  it('passes with no errors and fails naming the first', () => {
    expect(C7.evaluate(checkFacts(), NOW)).toEqual({ status: 'pass', detail: 'custodian check reports no errors' });
    const facts = checkFacts({ errors: [{ file: 'workplans/a.md', line: 7, rule_id: 'dependency/unknown', message: 'X-T01 depends on NOPE' }] });
    expect(C7.evaluate(facts, NOW).detail).toBe('1 check error, first workplans/a.md:7 dependency/unknown (X-T01 depends on NOPE): run custodian check --repo ledger');
  });
});

describe('C8 scope', () => {
  it('passes for SCOPE.md or a README scope section', () => {
    expect(C8.evaluate(tree(), NOW).detail).toBe('SCOPE.md committed');
    expect(C8.evaluate(tree({ files: ['README.md'], readme_scope: true }), NOW).detail).toBe('README.md has a ## Scope section');
  });
  it('fails for a README without the section, and with neither file', () => {
    expect(C8.evaluate(tree({ files: ['README.md'], readme_scope: false }), NOW).detail).toMatch(/^README.md has no "## Scope" section/);
    expect(C8.evaluate(tree({ files: [] }), NOW).detail).toMatch(/^no SCOPE.md or README.md with a "## Scope" section committed: add SCOPE.md/);
  });
});

describe('C9 SBOM committed', () => {
  it('passes for any SBOM name in any folder', () => {
    for (const name of ['sbom.cdx.json', 'deps/app.cdx.json', 'x.spdx.json', 'SBOM.json', 'docs/sbom.xml']) {
      expect(C9.evaluate(tree({ files: [name] }), NOW)).toEqual({ status: 'pass', detail: `SBOM committed: ${name}` });
    }
    expect(C9.evaluate(tree({ files: ['a.cdx.json', 'b.spdx.json'] }), NOW).detail).toBe('SBOM committed: a.cdx.json (and 1 more)');
  });
  it('fails without one', () => {
    expect(C9.evaluate(tree({ files: ['sbom', 'notsbom.json', 'cdx.json.bak'] }), NOW).status).toBe('fail');
  });
});

describe('C10 active goal', () => {
  it('passes naming the goal, and says when it came through the domain', () => {
    expect(C10.evaluate(indexFacts(), NOW).detail).toBe('active goal GOAL-1 (priority 1)');
    const viaDomain = indexFacts({ active_goal: { id: 'G-9', title: null, priority: null, repo_slug: 'other', file: 'goals/G-9.md', via_domain: true } });
    expect(C10.evaluate(viaDomain, NOW).detail).toBe('active goal G-9 (no priority, through domain payments)');
  });
  it('fails saying how to add one', () => {
    expect(C10.evaluate(indexFacts({ active_goal: null }), NOW).detail).toBe(
      'no active goal: add goals/<ID>.md with type: goal, status: active and repo: ledger (or domain: payments)',
    );
  });
});

describe('C11 SBOM fresh', () => {
  it('passes at 10 days and exactly 30, fails at 40', () => {
    expect(C11.evaluate(history({ sbom_committed_at: daysAgo(10) }), NOW)).toEqual({ status: 'pass', detail: 'SBOM committed 10 days ago (2026-02-19)' });
    expect(C11.evaluate(history({ sbom_committed_at: daysAgo(30) }), NOW).status).toBe('pass');
    expect(C11.evaluate(history({ sbom_committed_at: daysAgo(30) - 1 }), NOW).status).toBe('fail');
    expect(C11.evaluate(history({ sbom_committed_at: daysAgo(40) }), NOW)).toEqual({
      status: 'fail',
      detail: 'SBOM last committed 40 days ago (2026-01-20), over 30 days: regenerate and commit it',
    });
  });
  it('fails with no SBOM', () => {
    expect(C11.evaluate(history({ sbom_paths: [], sbom_committed_at: null }), NOW).detail).toBe(
      'no SBOM committed (see C9): commit one, then refresh it at least every 30 days',
    );
  });
});

describe('C12 CI defined', () => {
  it('passes for each recognised definition', () => {
    for (const path of ['.ci/run', '.github/workflows/ci.yml', '.gitea/workflows/build.yaml', '.gitlab-ci.yml']) {
      expect(C12.evaluate(tree({ files: [path] }), NOW)).toEqual({ status: 'pass', detail: `CI defined: ${path}` });
    }
  });
  it('fails for look-alikes', () => {
    expect(C12.evaluate(tree({ files: ['.github/dependabot.yml', 'ci/run', '.ci/run.sh'] }), NOW).status).toBe('fail');
  });
});

describe('C13 no drift', () => {
  it("passes with no finding and fails naming check's first workplan finding, with its remedy", () => {
    expect(C13.evaluate(checkFacts(), NOW)).toEqual({ status: 'pass', detail: 'workplan statuses agree with their tasks' });
    const rollup = 'Workplan `LEDG-WP-0001` is active but all 2 of its tasks are done or cancelled: expected `completed`';
    const facts = checkFacts({
      drift: [
        { file: 'workplans/a.md', line: 3, rule_id: 'workplan/status-rollup', message: rollup, fixable: true },
        { file: 'workplans/b.md', line: 20, rule_id: 'workplan/task-list-mismatch', message: 'Task `T01` differs', fixable: false },
      ],
    });
    expect(C13.evaluate(facts, NOW).detail).toBe(`workplans/a.md:3 workplan/status-rollup (${rollup}): custodian check --fix fixes it (and 1 more)`);
    expect(C13.evaluate(checkFacts({ drift: [facts.drift[1]] }), NOW).detail).toBe(
      'workplans/b.md:20 workplan/task-list-mismatch (Task `T01` differs): see custodian check',
    );
  });
});

describe('C14 no stale in_progress task', () => {
  const task = (touched_at: number | null, line = 10) => ({ task_id: `X-T${line}`, file: 'workplans/x.md', line, touched_at, exact: true });
  it('passes with none, with recent ones, and with uncommitted ones', () => {
    expect(C14.evaluate(history(), NOW).detail).toBe('no in_progress tasks');
    expect(C14.evaluate(history({ stale_candidates: [task(daysAgo(3)), task(null, 20)] }), NOW)).toEqual({
      status: 'pass',
      detail: '2 in_progress tasks, all touched within 14 days',
    });
    expect(C14.evaluate(history({ stale_candidates: [task(daysAgo(14))] }), NOW).status).toBe('pass');
  });
  it('fails naming the stalest task', () => {
    const facts = history({ stale_candidates: [task(daysAgo(15), 10), task(daysAgo(20), 30), task(null, 50)] });
    expect(C14.evaluate(facts, NOW)).toEqual({
      status: 'fail',
      detail: 'X-T30 (workplans/x.md:30) is in_progress but untouched for 20 days: update it or set its real status (and 1 more)',
    });
  });
});

describe('criteria that read the checkout', () => {
  it('fail pointing at C2 when it is not reachable', () => {
    const missing = { status: 'fail', detail: 'checkout not found on this host (see C2)' };
    expect(C5.evaluate(tree({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C6.evaluate(indexFacts({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C7.evaluate(checkFacts({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C8.evaluate(tree({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C9.evaluate(tree({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C11.evaluate(history({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C12.evaluate(tree({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C13.evaluate(checkFacts({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C14.evaluate(history({ checkout: UNREACHABLE }), NOW)).toEqual(missing);
    expect(C10.evaluate(indexFacts({ checkout: UNREACHABLE }), NOW).status).toBe('pass');
    expect(C1.evaluate(indexFacts({ checkout: UNREACHABLE }), NOW).status).toBe('pass');
  });
  it('registry facts alone decide C1', () => {
    expect(C1.evaluate({ ...indexFacts(), ...registry() }, NOW).status).toBe('pass');
  });
});
