// `domain rename <old> <new> [--name N] [--dry-run]`: the domain's slug in the registry (its
// entry and every repo's `domain:`, in custodian.yaml and custodian.local.yaml) and the
// `domain:` of every workplan and goal in the domain's repos. Every file is read and checked
// before any is written; one that cannot be checked refuses the whole rename.
import { CustodianError, usageError } from '../../errors.js';
import { commitWrites } from '../../workspace/registry-edit-commit.js';
import { planRegistryEdit, readRegistrySnapshot, type RegistryTexts } from '../../workspace/registry-edit.js';
import { DOMAIN_KEY_ORDER, entriesWhere, entryIndex, locateEntry, setScalar } from '../../workspace/registry-edit-yaml.js';
import type { CliContext } from '../context.js';
import { domainItem } from '../format/registry.js';
import { writeEditReport, type FileEdit } from '../format/registry-edit.js';
import { checkNewSlug, findDomain, nonEmpty, registryFileEdits, registryWorkspace } from './domain-repo-context.js';
import { planDocumentRenames, type DocumentRenamePlan } from './domain-rename-documents.js';
import { openFreshIndex } from './workspace.js';

interface RenameFlags {
  name?: string;
  json?: boolean;
  dryRun?: boolean;
}

export async function domainRename(ctx: CliContext, from: string, to: string, flags: RenameFlags): Promise<void> {
  const ws = await registryWorkspace(ctx);
  findDomain(ws, from);
  const name = nonEmpty('--name', flags.name);
  if (from === to && name === undefined) throw usageError(`the new slug is the old one (${from}): nothing to rename (pass --name to change only the name)`);
  if (from !== to) checkNewSlug('domain', to, ws.domains.map((d) => d.slug));
  const repos = ws.repos.filter((r) => r.domain === from);

  let documents: DocumentRenamePlan = { writes: [], problems: [], left: [] };
  let unreachable: string[] = [];
  if (from !== to) {
    const { db, sync } = await openFreshIndex(ctx);
    unreachable = (sync?.unreachable ?? []).filter((slug) => repos.some((r) => r.slug === slug));
    try {
      documents = await planDocumentRenames(db, repos, from, to);
    } finally {
      db.close();
    }
  }
  const snapshot = await readRegistrySnapshot(ws.root);
  const registry = await planRegistryEdit(snapshot, (texts) => renameInRegistry(texts, from, to, name), { home: process.env.HOME || undefined });

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
  let failed: { repo_slug: string | null; file: string; code: string; message: string }[] = [];
  if (!flags.dryRun && edits.length > 0) {
    const registryPaths = new Set(registry.edits.map((e) => e.path));
    const outcome = await commitWrites([...registry.edits, ...documents.writes], { stopAfterFailure: (path) => registryPaths.has(path) });
    failed = outcome.failed.map((f) => {
      const edit = edits.find((e) => e.path === f.path)!;
      return { repo_slug: edit.repo_slug, file: edit.file, code: f.code, message: f.message };
    });
  }
  if (failed.length > 0) ctx.exitCode = 1;

  const domain = registry.registry.domains.find((d) => d.slug === to)!;
  const documentCount = documents.writes.length;
  const repoCount = new Set(documents.writes.map((w) => w.repo_slug)).size;
  const written = edits.length - failed.length;
  writeEditReport({
    kind: 'domain-rename',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: flags.dryRun ? edits.length > 0 : written > 0,
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
    summary: [
      from === to
        ? `renamed domain ${from} to "${name}" in the registry`
        : `renamed domain ${from} → ${to}: the registry and ${documentCount} document${documentCount === 1 ? '' : 's'} in ${repoCount} repo${repoCount === 1 ? '' : 's'}${failed.length ? ` (${failed.length} not written)` : ''}`,
      ...documents.writes.filter((w) => !failed.some((f) => f.file === w.file && f.repo_slug === w.repo_slug)).map((w) => `  ${w.repo_slug}/${w.file}`),
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
