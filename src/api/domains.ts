// `domain list|show|add|archive`: the registry's domains, and one entry of custodian.yaml
// appended or changed in place (comments and layout kept).
import { CustodianError, usageError } from '../errors.js';
import { activeWorkplans, domainCounts, type TaskStatusCounts, type WorkplanStatusCounts } from '../index/queries/registry.js';
import { DOMAIN_KEY_ORDER, appendEntry, locateEntry, setScalar } from '../workspace/registry-edit-yaml.js';
import { withIndex, type WorkspaceOptions } from './context.js';
import { domainItem, type DomainItem } from './items/registry.js';
import {
  checkNewSlug,
  editDocument,
  findDomain,
  nonEmpty,
  registryWorkspace,
  runRegistryEdit,
  type EditDocumentFields,
  type EditOptions,
} from './registry-context.js';

export type { TaskStatusCounts, WorkplanStatusCounts };

export interface DomainListDocument {
  schema_version: 1;
  kind: 'domain-list';
  items: DomainItem[];
}

export interface DomainDetail extends DomainItem {
  repo_count: number;
  workplan_counts: WorkplanStatusCounts;
  task_counts: TaskStatusCounts;
  goal_count: number;
  extra: Record<string, unknown>;
}

export interface DomainDocument {
  schema_version: 1;
  kind: 'domain';
  domain: DomainDetail;
}

export interface DomainShowOptions extends WorkspaceOptions {
  slug: string;
}

export interface DomainAddOptions extends EditOptions {
  /** Lowercase letters, digits, - and _. */
  slug: string;
  /** The display name (required: a usage error without it). */
  name?: string;
  description?: string;
}

export interface DomainArchiveOptions extends EditOptions {
  slug: string;
}

export interface DomainEditDocument<K extends string> extends EditDocumentFields {
  kind: K;
  domain: DomainItem;
}

export type DomainAddDocument = DomainEditDocument<'domain-add'>;
export type DomainArchiveDocument = DomainEditDocument<'domain-archive'>;

/** The registry alone: no index. */
export async function domainList(options: WorkspaceOptions = {}): Promise<DomainListDocument> {
  const ws = await registryWorkspace(options);
  return { schema_version: 1, kind: 'domain-list', items: ws.domains.map((d) => domainItem(d, ws.repos)) };
}

/** A domain with the number of its repos, and of its workplans, tasks and goals from the index. */
export async function domainShow(options: DomainShowOptions): Promise<DomainDocument> {
  const ws = await registryWorkspace(options);
  const domain = findDomain(ws, options.slug);
  const item = domainItem(domain, ws.repos);
  const counts = await withIndex(ws, options, (db) => domainCounts(db, { domain: options.slug, repos: item.repo_slugs }));
  return {
    schema_version: 1,
    kind: 'domain',
    domain: {
      ...item,
      repo_count: item.repo_slugs.length,
      workplan_counts: counts.workplans,
      task_counts: counts.tasks,
      goal_count: counts.goals,
      extra: domain.extra,
    },
  };
}

export async function domainAdd(options: DomainAddOptions): Promise<DomainAddDocument> {
  const { slug } = options;
  const ws = await registryWorkspace(options);
  checkNewSlug('domain', slug, ws.domains.map((d) => d.slug));
  const name = nonEmpty('--name', options.name);
  if (name === undefined) throw usageError('domain add needs --name <name> (the display name)');
  const entry: Record<string, string> = { slug, name };
  if (options.description !== undefined) entry.description = options.description;
  const run = await runRegistryEdit(ws, (texts) => ({ main: appendEntry(texts.main, 'domains', entry) }), options);
  const domain = run.plan.registry.domains.find((d) => d.slug === slug)!;
  return editDocument(options, { kind: 'domain-add', changed: run.changed, edits: run.edits, body: { domain: domainItem(domain, run.plan.registry.repos) } });
}

/** Refused while the domain has active workplans. */
export async function domainArchive(options: DomainArchiveOptions): Promise<DomainArchiveDocument> {
  const { slug } = options;
  const ws = await registryWorkspace(options);
  const domain = findDomain(ws, slug);
  const repos = ws.repos.filter((r) => r.domain === domain.slug).map((r) => r.slug);
  const active = await withIndex(ws, { ...options, sync: true }, (db) => activeWorkplans(db, { domain: slug, repos }));
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
    options,
  );
  const archived = run.plan.registry.domains.find((d) => d.slug === slug)!;
  return editDocument(options, { kind: 'domain-archive', changed: run.changed, edits: run.edits, body: { domain: domainItem(archived, run.plan.registry.repos) } });
}
