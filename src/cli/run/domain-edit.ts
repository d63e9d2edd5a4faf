// `domain add` and `domain archive`: one entry of custodian.yaml appended or changed in place.
import { activeWorkplans } from '../../index/queries/registry.js';
import { CustodianError, usageError } from '../../errors.js';
import { DOMAIN_KEY_ORDER, appendEntry, locateEntry, setScalar } from '../../workspace/registry-edit-yaml.js';
import type { CliContext } from '../context.js';
import { domainItem } from '../format/registry.js';
import { writeEditReport } from '../format/registry-edit.js';
import { checkNewSlug, findDomain, nonEmpty, registryWorkspace, runRegistryEdit } from './domain-repo-context.js';
import { openFreshIndex } from './workspace.js';

interface EditFlags {
  json?: boolean;
  dryRun?: boolean;
}

export async function domainAdd(ctx: CliContext, slug: string, flags: EditFlags & { name?: string; description?: string }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  checkNewSlug('domain', slug, ws.domains.map((d) => d.slug));
  const name = nonEmpty('--name', flags.name);
  if (name === undefined) throw usageError('domain add needs --name <name> (the display name)');
  const entry: Record<string, string> = { slug, name };
  if (flags.description !== undefined) entry.description = flags.description;
  const run = await runRegistryEdit(ws, (texts) => ({ main: appendEntry(texts.main, 'domains', entry) }), flags);
  const domain = run.plan.registry.domains.find((d) => d.slug === slug)!;
  writeEditReport({
    kind: 'domain-add',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { domain: domainItem(domain, run.plan.registry.repos) },
    summary: [`added domain ${slug} (${name}) to custodian.yaml`],
  });
}

export async function domainArchive(ctx: CliContext, slug: string, flags: EditFlags): Promise<void> {
  const ws = await registryWorkspace(ctx);
  const domain = findDomain(ws, slug);
  const repos = ws.repos.filter((r) => r.domain === domain.slug).map((r) => r.slug);
  const { db } = await openFreshIndex(ctx);
  let active;
  try {
    active = activeWorkplans(db, { domain: slug, repos });
  } finally {
    db.close();
  }
  if (active.length > 0) {
    const listed = active.map((w) => `${w.repo}:${w.doc_id ?? '(no id)'} (${w.path})`);
    throw new CustodianError(
      'refused',
      `domain ${slug} still has ${active.length} active workplan${active.length === 1 ? '' : 's'}: ${listed.join(', ')}; complete or cancel ${active.length === 1 ? 'it' : 'them'} before archiving the domain`,
      {
        details: {
          reason: 'active-workplans',
          active_workplans: active.map((w) => ({ id: w.doc_id, title: w.title, repo_slug: w.repo, file: w.path, line: w.line })),
        },
      },
    );
  }
  const run = await runRegistryEdit(
    ws,
    (texts) => {
      const at = locateEntry(texts, 'domains', slug)!;
      const text = at.file === 'main' ? texts.main : texts.local!;
      const edited = setScalar(text, ['domains', at.index, 'status'], 'archived', { order: DOMAIN_KEY_ORDER });
      return at.file === 'main' ? { main: edited } : { local: edited };
    },
    flags,
  );
  const archived = run.plan.registry.domains.find((d) => d.slug === slug)!;
  writeEditReport({
    kind: 'domain-archive',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { domain: domainItem(archived, run.plan.registry.repos) },
    summary: [run.changed ? `archived domain ${slug}` : `domain ${slug} was already archived`],
  });
}
