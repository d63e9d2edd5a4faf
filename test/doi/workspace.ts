// Temp workspaces for DoI: real git repos committed at fixed dates, a custodian.yaml naming them,
// and an in-process evaluation at an injected "now".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDoi, type DoiRun } from '../../src/doi/evaluate.js';
import type { CriterionResult, DoiItem } from '../../src/doi/model.js';
import { syncWorkspace } from '../../src/index/sync.js';
import type { IndexDb } from '../../src/index/db.js';
import { resolveWorkspace } from '../../src/workspace/discover.js';
import { commitAll, git, gitRepo, type FileMap } from '../helpers/git-repo.js';

export const NOW = '2026-03-01T12:00:00Z';
/** An ISO time `days` before NOW. */
export const daysBefore = (days: number, from = NOW) => new Date(new Date(from).getTime() - days * 86_400_000).toISOString().replace('.000Z', 'Z');

export interface RepoEntry {
  slug: string;
  dir: string;
  domain?: string;
  fingerprint?: string | null;
  remote_url?: string | null;
}

export function writeRegistry(root: string, repos: RepoEntry[], domains: { slug: string; status?: string }[] = [{ slug: 'payments' }]): void {
  const lines = ['version: 1', 'domains:'];
  for (const d of domains) lines.push(`  - slug: ${d.slug}`, `    name: ${d.slug}`, ...(d.status ? [`    status: ${d.status}`] : []));
  lines.push('repos:');
  for (const r of repos) {
    lines.push(`  - slug: ${r.slug}`, `    name: ${r.slug}`, `    domain: ${r.domain ?? domains[0].slug}`, `    path: ${r.dir}`);
    if (r.fingerprint) lines.push(`    fingerprint: ${r.fingerprint}`);
    if (r.remote_url) lines.push(`    remote_url: ${r.remote_url}`);
  }
  writeFileSync(join(root, 'custodian.yaml'), `${lines.join('\n')}\n`);
}

export const rootCommit = (dir: string) => git(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
export const originOf = (slug: string) => `https://git.example.org/org/${slug}.git`;

/** A workplan with an in_progress and a todo task (ids `<prefix>-WP-0001-T01/T02`). */
export function workplan(prefix: string, { status = 'active', first = 'in_progress' } = {}): string {
  return [
    '---',
    `id: ${prefix}-WP-0001`,
    'type: workplan',
    'title: Safe retries',
    `status: ${status}`,
    '---',
    '',
    '# Safe retries',
    '',
    '### Idempotency keys',
    '',
    '```task',
    `id: ${prefix}-WP-0001-T01`,
    `status: ${first}`,
    '```',
    '',
    'Store the key with the posting.',
    '',
    '### Replay window',
    '',
    '```task',
    `id: ${prefix}-WP-0001-T02`,
    'status: todo',
    `depends_on: [${prefix}-WP-0001-T01]`,
    '```',
    '',
  ].join('\n');
}

/** Everything a repo needs to reach the full tier. */
export function integratedFiles(prefix: string): FileMap {
  return {
    'AGENTS.md': '# Agents\n\nRun the tests before committing.\n',
    'README.md': '# Repo\n\n## Scope\n\nPostings and balances.\n',
    'sbom.cdx.json': '{"bomFormat":"CycloneDX"}\n',
    '.github/workflows/ci.yml': 'on: push\n',
    [`workplans/${prefix}-WP-0001-retries.md`]: workplan(prefix),
    'goals/GOAL-1-retries.md': '---\nid: GOAL-1\ntype: goal\ntitle: Safe retries\nstatus: active\npriority: 1\n---\n',
  };
}

/** A fully integrated repo committed at `date`, with its registry entry. */
export function integratedRepo(slug: string, prefix: string, date: string, extra: FileMap = {}): RepoEntry {
  const dir = gitRepo({ ...integratedFiles(prefix), ...extra }, { date, origin: originOf(slug) });
  return { slug, dir, fingerprint: rootCommit(dir), remote_url: originOf(slug) };
}

export function commitAt(dir: string, message: string, date: string): void {
  commitAll(dir, message, date);
}

export interface Evaluation extends DoiRun {
  item(slug: string): DoiItem;
  criterion(slug: string, id: string): CriterionResult;
  db: IndexDb;
}

/** Syncs the workspace at `root` and evaluates DoI at `now`; the index stays open for inspection. */
export async function evaluateAt(root: string, now = NOW, options: { refresh?: boolean; repos?: string[] } = {}): Promise<Evaluation> {
  const ws = await resolveWorkspace({ cwd: root, workspace: root, env: { HOME: process.env.HOME } });
  const { db } = await syncWorkspace(ws);
  const run = await evaluateDoi(ws, db, { now: new Date(now), ...options });
  const item = (slug: string) => {
    const found = run.items.find((i) => i.repo_slug === slug);
    if (!found) throw new Error(`no item for ${slug}`);
    return found;
  };
  return { ...run, db, item, criterion: (slug, id) => item(slug).criteria.find((c) => c.id === id)! };
}

/** Each criterion as `C1:pass`, for compact exact assertions. */
export const statuses = (item: DoiItem) => item.criteria.map((c) => `${c.id}:${c.status}`);
