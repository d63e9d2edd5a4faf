// The pure helpers behind the criteria: tiers and ordering, remote URL comparison, README scope,
// SBOM names, goal choice.
import { describe, expect, it } from 'vitest';
import { activeGoalFor } from '../../src/doi/goals.js';
import type { CriterionResult, CriterionStatus } from '../../src/doi/model.js';
import { normaliseRemoteUrl, sameRemote } from '../../src/doi/remote-url.js';
import { isSbomPath } from '../../src/doi/sbom.js';
import { hasScopeSection } from '../../src/doi/scope-section.js';
import { compareByTier, tierOf } from '../../src/doi/tiers.js';
import type { GoalInfo } from '../../src/dispatch/types.js';

const TIERS = ['core', 'core', 'core', 'core', 'core', 'standard', 'standard', 'standard', 'standard', 'standard', 'full', 'full', 'full', 'full'] as const;

function results(statuses: Partial<Record<number, CriterionStatus>>): CriterionResult[] {
  return TIERS.map((tier, i) => ({ id: `C${i + 1}` as CriterionResult['id'], tier, status: statuses[i + 1] ?? 'pass', detail: '' }));
}

describe('tiers', () => {
  it('climbs core, standard, full while every criterion of the tier passes or skips', () => {
    expect(tierOf(results({}))).toBe('full');
    expect(tierOf(results({ 3: 'skip', 14: 'skip' }))).toBe('full');
    expect(tierOf(results({ 14: 'fail' }))).toBe('standard');
    expect(tierOf(results({ 10: 'fail' }))).toBe('core');
    expect(tierOf(results({ 5: 'fail' }))).toBe('none');
  });
  it('never skips a rung: a core failure is none even when the rest passes', () => {
    expect(tierOf(results({ 1: 'fail' }))).toBe('none');
    expect(tierOf(results({ 6: 'fail', 11: 'pass' }))).toBe('core');
  });
  it('orders worst tier first, ties by slug', () => {
    const items = [
      { tier: 'full' as const, repo_slug: 'a' },
      { tier: 'none' as const, repo_slug: 'z' },
      { tier: 'core' as const, repo_slug: 'b' },
      { tier: 'none' as const, repo_slug: 'c' },
      { tier: 'standard' as const, repo_slug: 'd' },
    ];
    expect(items.sort(compareByTier).map((i) => `${i.tier}:${i.repo_slug}`)).toEqual(['none:c', 'none:z', 'core:b', 'standard:d', 'full:a']);
  });
});

describe('remote URLs', () => {
  it.each([
    ['https://git.example.org/org/repo.git', 'https://git.example.org/org/repo'],
    ['https://git.example.org/org/repo/', 'https://git.example.org/org/repo.git'],
    ['HTTPS://GIT.Example.ORG/org/repo', 'https://git.example.org/org/repo'],
    ['  ssh://git@Host:2222/org/repo.git/ ', 'ssh://git@host:2222/org/repo'],
    ['git@GitHub.com:org/repo.git', 'git@github.com:org/repo'],
    ['/srv/git/repo.git', '/srv/git/repo'],
  ])('%s names the same remote as %s', (a, b) => {
    expect(sameRemote(a, b)).toBe(true);
  });
  it.each([
    ['https://git.example.org/org/repo', 'https://git.example.org/org/Repo'],
    ['https://git.example.org/org/repo', 'git@git.example.org:org/repo'],
    ['https://git.example.org/org/repo', 'http://git.example.org/org/repo'],
    ['https://git.example.org/org/repo', 'https://git.example.org/fork/repo'],
    ['https://git.example.org:8443/org/repo', 'https://git.example.org/org/repo'],
  ])('%s is not %s', (a, b) => {
    expect(sameRemote(a, b)).toBe(false);
  });
  it('keeps user and path case, lowers scheme and host', () => {
    expect(normaliseRemoteUrl('HTTPS://Bob@Host.Example/Org/Repo.git')).toBe('https://Bob@host.example/Org/Repo');
    expect(normaliseRemoteUrl('C:/src/repo.git')).toBe('C:/src/repo');
  });
});

describe('README scope section', () => {
  it('finds ## Scope in ATX and setext form, with words after it', async () => {
    expect(await hasScopeSection('# Ledger\n\n## Scope\n\nPostings.\n')).toBe(true);
    expect(await hasScopeSection('# Ledger\n\nScope and non-goals\n-------------------\n\nx\n')).toBe(true);
    expect(await hasScopeSection('## scope\n')).toBe(true);
  });
  it('ignores other levels, other words, and headings inside code', async () => {
    expect(await hasScopeSection('# Scope\n\n### Scope\n')).toBe(false);
    expect(await hasScopeSection('## Scoped services\n')).toBe(false);
    expect(await hasScopeSection('```md\n## Scope\n```\n')).toBe(false);
    expect(await hasScopeSection('    ## Scope\n')).toBe(false);
  });
});

describe('SBOM names', () => {
  it('matches *.cdx.json, *.spdx.json and sbom.* by file name, any case', () => {
    expect(['a.cdx.json', 'x/y.SPDX.JSON', 'sbom.json', 'deep/SBOM.xml'].map(isSbomPath)).toEqual([true, true, true, true]);
    expect(['sbom', 'sbom.', 'my-sbom.json', 'cdx.json', 'sbom/readme.md'].map(isSbomPath)).toEqual([false, false, false, false, false]);
  });
});

describe('active goal', () => {
  const goal = (id: string, over: Partial<GoalInfo> = {}): GoalInfo => ({
    id,
    title: null,
    status: 'active',
    priority: 1,
    repo: 'ledger',
    file: `goals/${id}.md`,
    repo_field: null,
    domain: null,
    ...over,
  });
  const repo = { slug: 'ledger', domain: 'payments' };

  it('takes the lowest priority of the repo\'s own goals, missing priority last, ties by id', () => {
    const goals = [goal('G-3', { priority: null }), goal('G-2', { priority: 2 }), goal('G-1', { priority: 2 }), goal('G-0', { status: 'achieved', priority: 0 })];
    expect(activeGoalFor(goals, repo)).toMatchObject({ id: 'G-1', via_domain: false });
  });
  it('counts goals naming the repo from elsewhere, not goals here naming another repo', () => {
    const goals = [goal('HERE', { repo_field: 'other' }), goal('THERE', { repo: 'hub', repo_field: 'ledger', priority: 5 })];
    expect(activeGoalFor(goals, repo)).toMatchObject({ id: 'THERE', repo_slug: 'hub' });
    expect(activeGoalFor(goals, { slug: 'other', domain: null })).toMatchObject({ id: 'HERE' });
  });
  it("falls back to the domain's lowest active goal", () => {
    const goals = [goal('D-2', { repo: 'hub', domain: 'payments', priority: 2 }), goal('D-1', { repo: 'hub', domain: 'payments', priority: 1 }), goal('X', { repo: 'hub', domain: 'docs', priority: 0 })];
    expect(activeGoalFor(goals, repo)).toMatchObject({ id: 'D-1', via_domain: true });
    expect(activeGoalFor(goals, { slug: 'ledger', domain: 'other' })).toBeNull();
  });
  it("does not count a goal of this repo's folder that names a domain as the repo's own", () => {
    expect(activeGoalFor([goal('D', { domain: 'docs' })], repo)).toBeNull();
  });
});
