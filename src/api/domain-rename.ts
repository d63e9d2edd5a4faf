// `domain rename <old> <new> [--name N]`: the domain's slug in the registry (its entry and every
// repo's `domain:`, in custodian.yaml and custodian.local.yaml) and the `domain:` of every
// workplan and goal in the domain's repos. Every file is read and checked before any is written;
// one that cannot be checked refuses the whole rename.
//
// Order of writes, so that running the same command again finishes an interrupted rename (a kill,
// a full disk): the documents first, then custodian.local.yaml, then custodian.yaml; a write that
// fails stops the rest. Until custodian.yaml is written the registry still names the old slug, so
// the re-run finds the domain and renames the documents still naming it. The states a re-run
// also finishes: the registry renamed with documents left (an older custodian wrote the registry
// first; or someone renamed it by hand), and the registry renamed in one file only (a kill between
// the two registry files leaves a repo naming a domain that does not exist yet: the re-run
// completes the registry rename first).
import { CustodianError, usageError } from '../errors.js';
import { commitWrites } from '../workspace/registry-edit-commit.js';
import type { RegistryTexts } from '../workspace/registry-edit.js';
import { DOMAIN_KEY_ORDER, entriesWhere, entryIndex, locateEntry, setScalar } from '../workspace/registry-edit-yaml.js';
import { workspaceRoot } from '../workspace/discover.js';
import { commitRegistryPlan, planRegistryEdit, readRegistrySnapshot, type RegistryPlan } from '../workspace/registry-edit.js';
import type { Workspace } from '../workspace/types.js';
import { cwdOf, envOf, withIndex } from './context.js';
import { planDocumentRenames, type DocumentRenamePlan, type LeftDocument } from './domain-rename-documents.js';
import { domainItem, type DomainItem } from './items/registry.js';
import {
  checkNewSlug,
  editDocument,
  findDomain,
  nonEmpty,
  planRegistry,
  registryFileEdits,
  registryWorkspace,
  type EditDocumentFields,
  type EditOptions,
  type FileEdit,
} from './registry-context.js';

export type { LeftDocument };

export interface DomainRenameOptions extends EditOptions {
  /** The current slug. */
  from: string;
  /** The new slug (the same as `from` to change only the name). */
  to: string;
  /** Also set the display name. */
  name?: string;
}

export interface FailedWrite {
  repo_slug: string | null;
  file: string;
  code: string;
  message: string;
}

export interface DomainRenameDocument extends EditDocumentFields {
  kind: 'domain-rename';
  from: string;
  to: string;
  domain: DomainItem;
  /** Files that could not be written (the others were). */
  failed: FailedWrite[];
  /** Documents naming the old slug that the rename does not touch. */
  left_unchanged: LeftDocument[];
}

export async function domainRename(options: DomainRenameOptions): Promise<DomainRenameDocument> {
  const { from, to } = options;
  const name = nonEmpty('--name', options.name);
  const ws = await renameWorkspace(options, from, to, name);
  // The registry already names the new slug and no longer the old one: an earlier run got that
  // far; what is left is the documents.
  const resuming = from !== to && !ws.domains.some((d) => d.slug === from) && ws.domains.some((d) => d.slug === to);
  if (!resuming) findDomain(ws, from);
  if (from === to && name === undefined) throw usageError(`the new slug is the old one (${from}): nothing to rename (pass --name to change only the name)`);
  if (from !== to && !resuming) checkNewSlug('domain', to, ws.domains.map((d) => d.slug));
  const repos = ws.repos.filter((r) => r.domain === (resuming ? to : from));

  let documents: DocumentRenamePlan = { writes: [], problems: [], left: [] };
  let unreachable: string[] = [];
  if (from !== to) {
    documents = await withIndex(ws, { ...options, sync: true }, (db, sync) => {
      unreachable = (sync?.unreachable ?? []).filter((slug) => repos.some((r) => r.slug === slug));
      return planDocumentRenames(db, repos, from, to);
    });
  }
  const registry = await planRegistry(ws, (texts) => renameInRegistry(texts, from, to, name), options);

  if (documents.problems.length > 0) {
    const listed = documents.problems.map((p) => `${p.repo_slug}/${p.file}: ${p.message}`);
    throw new CustodianError(
      'refused',
      `domain rename ${from} → ${to} refused, nothing was written: ${documents.problems.length} file${documents.problems.length === 1 ? '' : 's'} could not be checked:\n${listed.join('\n')}`,
      { details: { reason: 'unchecked-files', problems: documents.problems } },
    );
  }

  const edits: FileEdit[] = [
    ...registryFileEdits(registry),
    ...documents.writes.map((w) => ({ repo_slug: w.repo_slug, file: w.file, path: w.path, before: w.before, after: w.after, diff: w.diff })),
  ];
  let failed: FailedWrite[] = [];
  if (!options.dryRun && edits.length > 0) {
    // Documents, then custodian.local.yaml, then custodian.yaml (see the top of this file).
    const registryLast = [...registry.edits].sort((a, b) => (a.name === 'custodian.yaml' ? 1 : 0) - (b.name === 'custodian.yaml' ? 1 : 0));
    const outcome = await commitWrites([...documents.writes, ...registryLast], { stopAfterFailure: () => true });
    failed = outcome.failed.map((f) => {
      const edit = edits.find((e) => e.path === f.path)!;
      return { repo_slug: edit.repo_slug, file: edit.file, code: f.code, message: f.message };
    });
  }

  const domain = registry.registry.domains.find((d) => d.slug === to)!;
  const written = edits.length - failed.length;
  return editDocument(options, {
    kind: 'domain-rename',
    changed: options.dryRun ? edits.length > 0 : written > 0,
    edits,
    body: { from, to, domain: domainItem(domain, registry.registry.repos) },
    tail: { failed, left_unchanged: documents.left },
    warnings: [
      ...unreachable.map((slug) => ({
        code: 'unreachable-repo',
        message: `repo ${slug} has no checkout on this host: its documents were not checked and keep domain ${from}`,
      })),
      ...documents.left.map((d) => ({
        code: 'left-unchanged',
        message: `${d.repo_slug}/${d.file} names domain ${from} but ${d.reason === 'outside-domain' ? `is not in a repo of domain ${from}` : `is a ${d.kind}, not a workplan or goal`}; left unchanged`,
      })),
      ...failed.map((f) => ({ code: 'write-failed', message: `${f.repo_slug ? `${f.repo_slug}/` : ''}${f.file}: could not be written: ${f.message}` })),
    ],
  });
}

/**
 * The workspace to rename in. A registry that does not load because a rename of `from` to `to`
 * was interrupted between custodian.local.yaml and custodian.yaml (a repo names a domain that is
 * not there) is finished first: when renaming what is left of `from` makes it load, with `to` and
 * without `from`, that registry is written and the rename goes on from there.
 */
async function renameWorkspace(options: DomainRenameOptions, from: string, to: string, name: string | undefined): Promise<Workspace & { config_file: string }> {
  try {
    return await registryWorkspace(options);
  } catch (error) {
    if (!(error instanceof CustodianError) || error.code !== 'invalid-workspace' || from === to) throw error;
    const root = workspaceRoot({ cwd: cwdOf(options), workspace: options.workspace, env: envOf(options) });
    if (root === null) throw error;
    let plan: RegistryPlan;
    try {
      plan = await planRegistryEdit(await readRegistrySnapshot(root), (texts) => renameInRegistry(texts, from, to, name), { home: envOf(options).HOME || undefined });
    } catch {
      throw error;
    }
    const slugs = plan.registry.domains.map((d) => d.slug);
    if (!slugs.includes(to) || slugs.includes(from)) throw error;
    if (options.dryRun) {
      throw new CustodianError('invalid-workspace', `${error.message}\n(an interrupted \`domain rename ${from} ${to}\`: run it again without --dry-run to finish it)`, { details: error.details });
    }
    await commitRegistryPlan(plan);
    return registryWorkspace(options);
  }
}

/** The registry texts with the domain's slug (and name) replaced wherever it is written. */
function renameInRegistry(texts: RegistryTexts, from: string, to: string, name: string | undefined): Partial<RegistryTexts> {
  const rename = (text: string): string => {
    let next = text;
    const at = entryIndex(next, 'domains', from);
    if (at >= 0 && from !== to) next = setScalar(next, ['domains', at, 'slug'], to);
    for (const index of entriesWhere(next, 'repos', 'domain', from)) next = setScalar(next, ['repos', index, 'domain'], to);
    return next;
  };
  let main = rename(texts.main);
  let local = texts.local === null ? null : rename(texts.local);
  if (name !== undefined) {
    const at = locateEntry({ main, local }, 'domains', to)!;
    if (at.file === 'main') main = setScalar(main, ['domains', at.index, 'name'], name, { order: DOMAIN_KEY_ORDER });
    else local = setScalar(local!, ['domains', at.index, 'name'], name, { order: DOMAIN_KEY_ORDER });
  }
  return { main, local };
}
