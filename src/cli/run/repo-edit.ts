// `repo add`, `repo update`, `repo archive` and `repo path`: the edit document as JSON, a dry
// run's diffs, or what changed.
import { repoAdd as addRepo, repoArchive as archiveRepo, repoPath as setRepoPath, repoUpdate as updateRepo } from '../../api/repo-edits.js';
import { editOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { writeEditReport } from '../format/registry-edit.js';

import type { RepoAddFlags, RepoArchiveFlags, RepoPathFlags, RepoUpdateFlags } from '../commands/repo.js';

export async function repoAdd(ctx: CliContext, slug: string, flags: RepoAddFlags): Promise<void> {
  const doc = await addRepo({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug, ...repoValues(flags), allowMissing: flags.allowMissing === true });
  const { repo } = doc;
  writeEditReport(doc, flags.json === true, () => [
    `added repo ${slug} (domain ${repo.domain}, path ${repo.path}) to custodian.yaml`,
    repo.fingerprint !== null ? `  fingerprint ${repo.fingerprint}` : '  no fingerprint recorded',
    repo.remote_url !== null ? `  remote_url ${repo.remote_url}` : '  no remote_url recorded',
  ]);
}

export async function repoUpdate(ctx: CliContext, slug: string, flags: RepoUpdateFlags): Promise<void> {
  const doc = await updateRepo({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug, ...repoValues(flags) });
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

export async function repoArchive(ctx: CliContext, slug: string, flags: RepoArchiveFlags): Promise<void> {
  const doc = await archiveRepo({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug });
  writeEditReport(doc, flags.json === true, () => [doc.changed ? `archived repo ${slug}` : `repo ${slug} was already archived`]);
}

export async function repoPath(ctx: CliContext, slug: string, host: string, path: string, flags: RepoPathFlags): Promise<void> {
  const doc = await setRepoPath({ ...editOptions(ctx, { dryRun: flags.dryRun, json: flags.json }), slug, host, path, local: flags.local === true });
  writeEditReport(doc, flags.json === true, () => [
    doc.changed ? `${doc.file}: repo ${slug} lives at ${path} on ${host}` : `${doc.file} already says repo ${slug} lives at ${path} on ${host}`,
  ]);
}

function repoValues(flags: RepoAddFlags | RepoUpdateFlags) {
  return { path: flags.path, name: flags.name, domain: flags.domain, remoteUrl: flags.remoteUrl, description: flags.description, fingerprint: flags.fingerprint };
}
