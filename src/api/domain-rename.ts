// `domain rename <old> <new> [--name N]`: the domain's slug in the registry (its entry and every
// repo's `domain:`, in custodian.yaml and custodian.local.yaml) and the `domain:` of every
// workplan and goal in the domain's repos. Every file is read and checked before any is written;
// one that cannot be checked refuses the whole rename.
import { CustodianError, usageError } from '../errors.js';
import { commitWrites } from '../workspace/registry-edit-commit.js';
import type { RegistryTexts } from '../workspace/registry-edit.js';
import { DOMAIN_KEY_ORDER, entriesWhere, entryIndex, locateEntry, setScalar } from '../workspace/registry-edit-yaml.js';
import { withIndex } from './context.js';
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
  const ws = await registryWorkspace(options);
  findDomain(ws, from);
  const name = nonEmpty('--name', options.name);
  if (from === to && name === undefined) throw usageError(`the new slug is the old one (${from}): nothing to rename (pass --name to change only the name)`);
  if (from !== to) checkNewSlug('domain', to, ws.domains.map((d) => d.slug));
  const repos = ws.repos.filter((r) => r.domain === from);

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
    const registryPaths = new Set(registry.edits.map((e) => e.path));
    const outcome = await commitWrites([...registry.edits, ...documents.writes], { stopAfterFailure: (path) => registryPaths.has(path) });
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
