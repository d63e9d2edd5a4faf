// What the domain and repo operations share: a workspace that has a registry, one registry edit
// from plan to write, the edit document every edit returns, and lookups that fail with a
// message naming what exists.
import { relative } from 'node:path';
import { unifiedDiff } from '../edit/index.js';
import { CustodianError, notFound, unknownRepo, usageError } from '../errors.js';
import { commitRegistryPlan, planRegistryEdit, readRegistrySnapshot, type RegistryPlan, type RegistryTexts } from '../workspace/registry-edit.js';
import { SLUG_PATTERN, type DomainConfig, type RepoConfig, type Workspace } from '../workspace/types.js';
import { cwdOf, envOf, loadWorkspace, type WorkspaceOptions } from './context.js';

/** What every edit operation takes besides where the workspace is. */
export interface EditOptions extends WorkspaceOptions {
  /** Plan the edit and return its diffs, writing nothing. */
  dryRun?: boolean;
  /**
   * How each diff names its file: `file` (default), the repo- or workspace-relative path the
   * document's `file` holds; `cwd`, the path relative to `cwd`, which `git apply` takes where
   * the user stands (the CLI's human --dry-run view).
   */
  diffLabels?: 'file' | 'cwd';
}

/** One file an edit changes (or would change, in a dry run). */
export interface EditItem {
  /** Null for the registry files; otherwise the repo the document belongs to. */
  repo_slug: string | null;
  /** Relative to the repo root (documents) or the workspace folder (registry files). */
  file: string;
  /** A unified diff (git's a/ b/ labels). */
  diff: string;
}

export interface EditWarning {
  code: string;
  message: string;
}

/** The fields every edit document has, around the operation's own. */
export interface EditDocumentFields {
  schema_version: 1;
  changed: boolean;
  dry_run: boolean;
  edits: EditItem[];
  warnings: EditWarning[];
}

/** A file edit as planned: its text before and after, and where it is. */
export interface FileEdit {
  repo_slug: string | null;
  file: string;
  /** Absolute path. */
  path: string;
  before: string;
  after: string;
  /** Diff labelled with `file`. */
  diff: string;
}

/**
 * The edit document, its keys in the order the CLI has always printed them: schema_version, kind,
 * the operation's `body`, changed, dry_run, edits, the operation's `tail`, warnings.
 */
export function editDocument<K extends string, B extends object, T extends object = object>(
  options: EditOptions,
  report: { kind: K; changed: boolean; edits: readonly FileEdit[]; body: B; tail?: T; warnings?: readonly EditWarning[] },
): { schema_version: 1; kind: K } & B & Omit<EditDocumentFields, 'schema_version'> & T {
  const cwd = cwdOf(options);
  const edits = report.edits.map((e) => ({
    repo_slug: e.repo_slug,
    file: e.file,
    diff: options.diffLabels === 'cwd' ? unifiedDiff(e.before, e.after, relative(cwd, e.path) || e.path) : e.diff,
  }));
  return {
    schema_version: 1,
    kind: report.kind,
    ...report.body,
    changed: report.changed,
    dry_run: options.dryRun === true,
    edits,
    ...(report.tail as T),
    warnings: [...(report.warnings ?? [])],
  };
}

/** The workspace, which must be one with custodian.yaml (registry operations have nothing to edit in single-repo mode). */
export async function registryWorkspace(options: WorkspaceOptions): Promise<Workspace & { config_file: string }> {
  const ws = await loadWorkspace(options);
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
  options: EditOptions,
): Promise<RegistryEditRun> {
  const plan = await planRegistry(ws, transform, options);
  if (!options.dryRun && plan.edits.length > 0) await commitRegistryPlan(plan);
  return { plan, edits: registryFileEdits(plan), changed: plan.edits.length > 0 };
}

export async function planRegistry(ws: Workspace, transform: (texts: RegistryTexts) => Partial<RegistryTexts>, options: WorkspaceOptions): Promise<RegistryPlan> {
  const snapshot = await readRegistrySnapshot(ws.root);
  return planRegistryEdit(snapshot, transform, { home: envOf(options).HOME || undefined });
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
  if (!repo) throw unknownRepo(slug);
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

/** A value that was given must not be blank; `what` names it as the CLI spells it. */
export function nonEmpty(what: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw usageError(`${what} must not be empty`);
  return value;
}
