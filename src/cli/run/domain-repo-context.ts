// What `domain …` and `repo …` share: a workspace that has a registry, one registry edit from
// plan to write, and lookups that fail with a message naming what exists.
import { hostname as osHostname } from 'node:os';
import { CustodianError, notFound, usageError } from '../../errors.js';
import { commitRegistryPlan, planRegistryEdit, readRegistrySnapshot, type RegistryPlan, type RegistryTexts } from '../../workspace/registry-edit.js';
import { SLUG_PATTERN, type DomainConfig, type RepoConfig, type Workspace } from '../../workspace/types.js';
import type { CliContext } from '../context.js';
import type { FileEdit } from '../format/registry-edit.js';
import { loadWorkspace } from './workspace.js';

export const hostName = (): string => osHostname();

/** The workspace, which must be one with custodian.yaml (registry commands have nothing to edit in single-repo mode). */
export async function registryWorkspace(ctx: CliContext): Promise<Workspace & { config_file: string }> {
  const ws = await loadWorkspace(ctx);
  if (ws.mode !== 'workspace' || ws.config_file === null) {
    throw new CustodianError(
      'invalid-workspace',
      `no custodian.yaml here (${ws.root} is a single repository): run \`custodian init\` to create a workspace, or pass --workspace DIR`,
    );
  }
  return ws as Workspace & { config_file: string };
}

export interface RegistryEditRun {
  plan: RegistryPlan;
  edits: FileEdit[];
  changed: boolean;
}

/** Plans the edit (refusing one that would leave the registry invalid) and writes it unless `dryRun`. */
export async function runRegistryEdit(
  ws: Workspace,
  transform: (texts: RegistryTexts) => Partial<RegistryTexts>,
  options: { dryRun?: boolean },
): Promise<RegistryEditRun> {
  const snapshot = await readRegistrySnapshot(ws.root);
  const plan = await planRegistryEdit(snapshot, transform, { home: process.env.HOME || undefined });
  if (!options.dryRun && plan.edits.length > 0) await commitRegistryPlan(plan);
  return { plan, edits: registryFileEdits(plan), changed: plan.edits.length > 0 };
}

export function registryFileEdits(plan: RegistryPlan): FileEdit[] {
  return plan.edits.map((e) => ({ repo_slug: null, file: e.name, path: e.path, before: e.before ?? '', after: e.after, diff: e.diff }));
}

export function findDomain(ws: Workspace, slug: string): DomainConfig {
  const domain = ws.domains.find((d) => d.slug === slug);
  if (!domain) throw notFound(`no domain ${slug} in the workspace (${known(ws.domains.map((d) => d.slug))})`);
  return domain;
}

export function findRepo(ws: Workspace, slug: string): RepoConfig {
  const repo = ws.repos.find((r) => r.slug === slug);
  if (!repo) throw notFound(`no repo ${slug} in the workspace (${known(ws.repos.map((r) => r.slug))})`);
  return repo;
}

function known(slugs: string[]): string {
  return slugs.length ? `known: ${slugs.join(', ')}` : 'none registered yet';
}

/** A slug for a new domain or repo: the pattern, and not used yet. */
export function checkNewSlug(kind: 'domain' | 'repo', slug: string, taken: readonly string[]): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw usageError(`invalid ${kind} slug ${JSON.stringify(slug)}: use lowercase letters, digits, - and _ only (e.g. ledger-api)`);
  }
  if (taken.includes(slug)) throw new CustodianError('refused', `${kind} ${slug} already exists in the workspace`, { details: { reason: 'duplicate-slug' } });
}

export function nonEmpty(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw usageError(`${option} must not be empty`);
  return value;
}
