// `domain add`, `domain archive` and `domain rename`: the edit document as JSON, a dry run's
// diffs, or what changed.
import { domainAdd as addDomain, domainArchive as archiveDomain } from '../../api/domains.js';
import { domainRename as renameDomain } from '../../api/domain-rename.js';
import { editOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { writeEditReport } from '../format/registry-edit.js';

import type { DomainAddFlags, DomainArchiveFlags, DomainRenameFlags } from '../commands/domain.js';

export async function domainAdd(ctx: CliContext, slug: string, flags: DomainAddFlags): Promise<void> {
  const doc = await addDomain({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug, name: flags.name, description: flags.description });
  writeEditReport(doc, flags.json === true, () => [`added domain ${slug} (${doc.domain.name}) to custodian.yaml`]);
}

export async function domainArchive(ctx: CliContext, slug: string, flags: DomainArchiveFlags): Promise<void> {
  const doc = await archiveDomain({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug });
  writeEditReport(doc, flags.json === true, () => [doc.changed ? `archived domain ${slug}` : `domain ${slug} was already archived`]);
}

export async function domainRename(ctx: CliContext, from: string, to: string, flags: DomainRenameFlags): Promise<void> {
  const doc = await renameDomain({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), from, to, name: flags.name });
  if (doc.failed.length > 0) ctx.exitCode = 1;
  writeEditReport(doc, flags.json === true, () => {
    const documents = doc.edits.filter((e) => e.repo_slug !== null);
    const repoCount = new Set(documents.map((e) => e.repo_slug)).size;
    const failed = doc.failed;
    return [
      from === to
        ? `renamed domain ${from} to "${doc.domain.name}" in the registry`
        : `renamed domain ${from} → ${to}: the registry and ${documents.length} document${documents.length === 1 ? '' : 's'} in ${repoCount} repo${repoCount === 1 ? '' : 's'}${failed.length ? ` (${failed.length} not written)` : ''}`,
      ...documents.filter((w) => !failed.some((f) => f.file === w.file && f.repo_slug === w.repo_slug)).map((w) => `  ${w.repo_slug}/${w.file}`),
    ];
  });
}
