// Facts for the pure criterion tests: a complete, passing repo that each test breaks in one place.
import type { CheckFacts, CheckoutFacts, HistoryFacts, IndexFacts, RegistryFacts, TreeFacts } from '../../src/doi/model.js';
import { DEFAULT_INCLUDE, type RepoConfig } from '../../src/workspace/types.js';

export const ROOT_SHA = 'a'.repeat(40);
export const HEAD_SHA = 'b'.repeat(40);
export const NOW = new Date('2026-03-01T12:00:00Z');
export const daysAgo = (days: number) => Math.floor(NOW.getTime() / 1000) - days * 86_400;

export function repoConfig(overrides: Partial<RepoConfig> = {}): RepoConfig {
  return {
    slug: 'ledger',
    name: 'Ledger',
    domain: 'payments',
    path: 'repos/ledger',
    checkout: '/srv/ledger',
    host_paths: {},
    remote_url: 'https://git.example.org/org/ledger.git',
    fingerprint: ROOT_SHA,
    description: null,
    status: 'active',
    include: [...DEFAULT_INCLUDE],
    rules: {},
    extra: {},
    ...overrides,
  };
}

export function registry(overrides: Partial<RegistryFacts> = {}): RegistryFacts {
  return {
    mode: 'workspace',
    repo: repoConfig(),
    domain: { slug: 'payments', name: 'Payments', description: null, status: 'active', extra: {} },
    ...overrides,
  };
}

export function checkout(overrides: Partial<CheckoutFacts> = {}): CheckoutFacts {
  return {
    path: '/srv/ledger',
    exists: true,
    work_tree: '/srv/ledger',
    prefix: '',
    head: HEAD_SHA,
    branch: 'refs/heads/main',
    shallow: false,
    origin: 'https://git.example.org/org/ledger.git',
    ...overrides,
  };
}

export const UNREACHABLE = checkout({ exists: false, work_tree: null, head: null, branch: null, origin: null });

export function tree(overrides: Partial<TreeFacts> = {}): TreeFacts {
  return {
    ...registry(),
    checkout: checkout(),
    roots: [ROOT_SHA],
    files: ['AGENTS.md', 'README.md', 'SCOPE.md', 'sbom.cdx.json', '.github/workflows/ci.yml', 'workplans/LEDG-WP-0001.md'],
    readme_scope: null,
    ...overrides,
  };
}

export function history(overrides: Partial<HistoryFacts> = {}): HistoryFacts {
  return { ...registry(), checkout: checkout(), sbom_paths: ['sbom.cdx.json'], sbom_committed_at: daysAgo(3), stale_candidates: [], ...overrides };
}

export function indexFacts(overrides: Partial<IndexFacts> = {}): IndexFacts {
  return {
    ...registry(),
    checkout: checkout(),
    planning_documents: 2,
    parse_errors: [],
    active_goal: { id: 'GOAL-1', title: 'Safe retries', priority: 1, repo_slug: 'ledger', file: 'goals/GOAL-1.md', via_domain: false },
    ...overrides,
  };
}

export function checkFacts(overrides: Partial<CheckFacts> = {}): CheckFacts {
  return { ...registry(), checkout: checkout(), errors: [], drift: [], ...overrides };
}
