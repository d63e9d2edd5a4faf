// `repo add`, `repo update`, `repo archive` and `repo path`: the edit document as JSON, a dry
// run's diffs, or what changed.
import { repoAdd as addRepo, repoArchive as archiveRepo, repoPath as setRepoPath, repoUpdate as updateRepo } from '../../api/repo-edits.js';
import { editOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { writeEditReport } from '../format/registry-edit.js';

interface EditFlags {
  json?: boolean;
  dryRun?: boolean;
}

export interface RepoValueFlags extends EditFlags {
  path?: string;
  name?: string;
  domain?: string;
  remoteUrl?: string;
  description?: string;
  fingerprint?: string;
}

export async function repoAdd(ctx: CliContext, slug: string, flags: RepoValueFlags): Promise<void> {
  const doc = await addRepo({ ...editOptions(ctx, flags), slug, ...repoValues(flags) });
  const { repo } = doc;
  writeEditReport(doc, flags.json === true, () => [
    `added repo ${slug} (domain ${repo.domain}, path ${repo.path}) to custodian.yaml`,
    repo.fingerprint !== null ? `  fingerprint ${repo.fingerprint}` : '  no fingerprint recorded',
    repo.remote_url !== null ? `  remote_url ${repo.remote_url}` : '  no remote_url recorded',
  ]);
}

export async function repoUpdate(ctx: CliContext, slug: string, flags: RepoValueFlags): Promise<void> {
  const doc = await updateRepo({ ...editOptions(ctx, flags), slug, ...repoValues(flags) });
  const keys = Object.entries({
    name: flags.name,
    domain: flags.domain,
    path: flags.path,
    remote_url: flags.remoteUrl,
    description: flags.description,
    fingerprint: flags.fingerprint,
  }).filter(([, value]) => value !== undefined);
  writeEditReport(doc, flags.json === true, () => [doc.changed ? `updated repo ${slug}: ${keys.map(([key]) => key).join(', ')}` : `repo ${slug} already had those values`]);
}

export async function repoArchive(ctx: CliContext, slug: string, flags: EditFlags): Promise<void> {
  const doc = await archiveRepo({ ...editOptions(ctx, flags), slug });
  writeEditReport(doc, flags.json === true, () => [doc.changed ? `archived repo ${slug}` : `repo ${slug} was already archived`]);
}

export async function repoPath(ctx: CliContext, slug: string, host: string, path: string, flags: EditFlags & { local?: boolean }): Promise<void> {
  const doc = await setRepoPath({ ...editOptions(ctx, flags), slug, host, path, local: flags.local === true });
  writeEditReport(doc, flags.json === true, () => [
    doc.changed ? `${doc.file}: repo ${slug} lives at ${path} on ${host}` : `${doc.file} already says repo ${slug} lives at ${path} on ${host}`,
  ]);
}

function repoValues(flags: RepoValueFlags) {
  return { path: flags.path, name: flags.name, domain: flags.domain, remoteUrl: flags.remoteUrl, description: flags.description, fingerprint: flags.fingerprint };
}
