// `repo update`, `repo archive` and `repo path`: values of one repo entry changed in place
// (custodian.yaml unless the repo is only in custodian.local.yaml; `path --local` always there).
import { usageError } from '../../errors.js';
import type { RegistryTexts } from '../../workspace/registry-edit.js';
import { REPO_KEY_ORDER, appendEntry, entryIndex, locateEntry, setInMapping, setScalar } from '../../workspace/registry-edit-yaml.js';
import type { RepoConfig } from '../../workspace/types.js';
import type { CliContext } from '../context.js';
import { repoItem } from '../format/registry.js';
import { writeEditReport, type EditWarning } from '../format/registry-edit.js';
import { findDomain, findRepo, nonEmpty, registryWorkspace, runRegistryEdit } from './domain-repo-context.js';
import { FULL_SHA } from './repo-add.js';
import { registryPath } from './repo-paths.js';

interface EditFlags {
  json?: boolean;
  dryRun?: boolean;
}

export interface RepoUpdateFlags extends EditFlags {
  name?: string;
  domain?: string;
  path?: string;
  remoteUrl?: string;
  description?: string;
  fingerprint?: string;
}

type UpdatableKey = 'name' | 'domain' | 'path' | 'remote_url' | 'description' | 'fingerprint';

/** Applies `edit` to the registry file holding the repo's entry. */
function inEntryFile(texts: RegistryTexts, slug: string, edit: (text: string, index: number) => string): Partial<RegistryTexts> {
  const at = locateEntry(texts, 'repos', slug)!;
  return at.file === 'main' ? { main: edit(texts.main, at.index) } : { local: edit(texts.local!, at.index) };
}

export async function repoUpdate(ctx: CliContext, slug: string, flags: RepoUpdateFlags): Promise<void> {
  const ws = await registryWorkspace(ctx);
  findRepo(ws, slug);
  const values: [UpdatableKey, string][] = [];
  const name = nonEmpty('--name', flags.name);
  if (name !== undefined) values.push(['name', name]);
  if (flags.domain !== undefined) values.push(['domain', findDomain(ws, flags.domain).slug]);
  const path = nonEmpty('--path', flags.path);
  if (path !== undefined) values.push(['path', registryPath(ws.root, path).value]);
  const remote = nonEmpty('--remote-url', flags.remoteUrl);
  if (remote !== undefined) values.push(['remote_url', remote]);
  if (flags.description !== undefined) values.push(['description', flags.description]);
  if (flags.fingerprint !== undefined) {
    if (!FULL_SHA.test(flags.fingerprint)) throw usageError(`--fingerprint ${JSON.stringify(flags.fingerprint)}: expected a full commit id (40 or 64 hex digits)`);
    values.push(['fingerprint', flags.fingerprint.toLowerCase()]);
  }
  if (values.length === 0) throw usageError('repo update needs at least one of --name, --domain, --path, --remote-url, --description, --fingerprint');

  const run = await runRegistryEdit(
    ws,
    (texts) =>
      inEntryFile(texts, slug, (text, index) =>
        values.reduce(
          (next, [key, value]) => setScalar(next, ['repos', index, key], value, { order: REPO_KEY_ORDER, quote: key === 'fingerprint' ? 'double' : undefined }),
          text,
        ),
      ),
    flags,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  const warnings = values.flatMap(([key, value]) => overridden(repo, key, value));
  writeEditReport({
    kind: 'repo-update',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { repo: repoItem(repo) },
    warnings,
    summary: [run.changed ? `updated repo ${slug}: ${values.map(([key]) => key).join(', ')}` : `repo ${slug} already had those values`],
  });
}

/** A warning when custodian.local.yaml sets the key too, so the new value does not apply on this machine. */
function overridden(repo: RepoConfig, key: UpdatableKey, value: string): EditWarning[] {
  const effective = repo[key];
  const expected = key === 'fingerprint' ? value.toLowerCase() : value;
  if (effective === expected) return [];
  return [{ code: 'overridden-locally', message: `custodian.local.yaml sets ${key} of repo ${repo.slug} (${JSON.stringify(effective)}), which overrides the new value on this machine` }];
}

export async function repoArchive(ctx: CliContext, slug: string, flags: EditFlags): Promise<void> {
  const ws = await registryWorkspace(ctx);
  findRepo(ws, slug);
  const run = await runRegistryEdit(
    ws,
    (texts) => inEntryFile(texts, slug, (text, index) => setScalar(text, ['repos', index, 'status'], 'archived', { order: REPO_KEY_ORDER })),
    flags,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  writeEditReport({
    kind: 'repo-archive',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { repo: repoItem(repo) },
    summary: [run.changed ? `archived repo ${slug}` : `repo ${slug} was already archived`],
  });
}

export async function repoPath(ctx: CliContext, slug: string, host: string, path: string, flags: EditFlags & { local?: boolean }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  findRepo(ws, slug);
  nonEmpty('<host>', host);
  nonEmpty('<path>', path);
  let file = 'custodian.local.yaml';
  const run = await runRegistryEdit(
    ws,
    (texts) => {
      if (!flags.local) file = locateEntry(texts, 'repos', slug)!.file === 'main' ? 'custodian.yaml' : 'custodian.local.yaml';
      if (!flags.local) return inEntryFile(texts, slug, (text, index) => setInMapping(text, ['repos', index, 'host_paths'], host, path, REPO_KEY_ORDER));
      let local = texts.local ?? '';
      let index = entryIndex(local, 'repos', slug);
      if (index < 0) {
        local = appendEntry(local, 'repos', { slug });
        index = entryIndex(local, 'repos', slug);
      }
      return { local: setInMapping(local, ['repos', index, 'host_paths'], host, path, REPO_KEY_ORDER) };
    },
    flags,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  const warnings: EditWarning[] =
    repo.host_paths[host] === path
      ? []
      : [{ code: 'overridden-locally', message: `custodian.local.yaml sets host path ${host} of repo ${slug} (${repo.host_paths[host]}), which overrides this one` }];
  writeEditReport({
    kind: 'repo-path',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { repo: repoItem(repo), host, path, file },
    warnings,
    summary: [run.changed ? `${file}: repo ${slug} lives at ${path} on ${host}` : `${file} already says repo ${slug} lives at ${path} on ${host}`],
  });
}
