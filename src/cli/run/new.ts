// `new <kind>`: flags to api options; the document as JSON, the diff (--dry-run) or one line.
import { newDocument as create } from '../../api/new-document.js';
import { apiOptions } from '../api-options.js';
import type { NewFlags } from '../commands/new.js';
import type { CliContext } from '../context.js';
import { writeDiff, writeHuman, writeJson } from '../output.js';

export async function newDocument(ctx: CliContext, kind: string, flags: NewFlags): Promise<void> {
  const doc = await create({
    ...apiOptions(ctx),
    kind,
    title: flags.title,
    repo: flags.repo,
    id: flags.id,
    domain: flags.domain,
    status: flags.status,
    priority: flags.priority,
    dependsOn: flags.dependsOn,
    workplan: flags.workplan,
    description: flags.description,
    changeType: flags.changeType,
    interfaceType: flags.interfaceType,
    affectedRepos: flags.affectedRepo,
    dryRun: flags.dryRun,
  });
  if (flags.json) writeJson(doc);
  else if (flags.dryRun) writeDiff(doc.diff);
  else writeHuman(doc, (shown) => [`created ${shown.document.repo_slug}/${shown.document.file} (${shown.document.kind} ${shown.document.id})`]);
}
