// `repo list`, `repo show` and `repo find`: answers from the registry alone (no index).
import { usageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { fieldLines, repoDetail, repoItem, repoLines } from '../format/registry.js';
import { colors, writeJson, writeLines } from '../output.js';
import { findDomain, findRepo, hostName, registryWorkspace } from './domain-repo-context.js';
import { normaliseRemote } from './repo-remote.js';

export async function repoList(ctx: CliContext, flags: { domain?: string; json?: boolean }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  if (flags.domain !== undefined) findDomain(ws, flags.domain);
  const items = ws.repos.filter((r) => flags.domain === undefined || r.domain === flags.domain).map(repoItem);
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'repo-list', items });
    return;
  }
  writeLines(repoLines(items, colors()));
}

export async function repoShow(ctx: CliContext, slug: string, flags: { json?: boolean }): Promise<void> {
  const ws = await registryWorkspace(ctx);
  const repo = repoDetail(findRepo(ws, slug), hostName());
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'repo', repo });
    return;
  }
  const color = colors();
  const where = repo.checkout_from === 'host_paths' ? `host path for ${repo.hostname}` : 'path';
  writeLines([
    `${color.bold(repo.slug)}  ${repo.name}`,
    ...fieldLines([
      ['domain', repo.domain],
      ['status', repo.status],
      ['path', repo.path],
      ['checkout', `${repo.checkout} (${where}${repo.checkout_exists ? '' : ', missing on this host'})`],
      ...Object.entries(repo.host_paths).map(([host, path]): [string, string] => [`host ${host}`, path]),
      ['remote_url', repo.remote_url],
      ['fingerprint', repo.fingerprint],
      ['description', repo.description],
    ]),
  ]);
}

const PARTIAL_SHA = /^[0-9a-fA-F]{4,64}$/;

/** Repos by fingerprint (a sha or an unambiguous-looking prefix of one) and/or by remote URL; exit 1 when none match. */
export async function repoFind(ctx: CliContext, flags: { fingerprint?: string; remote?: string; json?: boolean }): Promise<void> {
  if (flags.fingerprint === undefined && flags.remote === undefined) throw usageError('repo find needs --fingerprint <sha> or --remote <url>');
  if (flags.fingerprint !== undefined && !PARTIAL_SHA.test(flags.fingerprint)) {
    throw usageError(`--fingerprint ${JSON.stringify(flags.fingerprint)}: expected a commit id (4 to 64 hex digits)`);
  }
  const ws = await registryWorkspace(ctx);
  const sha = flags.fingerprint?.toLowerCase();
  const remote = flags.remote === undefined ? undefined : normaliseRemote(flags.remote);
  const items = ws.repos
    .filter((r) => sha === undefined || (r.fingerprint !== null && r.fingerprint.startsWith(sha)))
    .filter((r) => remote === undefined || (r.remote_url !== null && normaliseRemote(r.remote_url) === remote))
    .map(repoItem);
  if (items.length === 0) ctx.exitCode = 1;
  if (flags.json) {
    writeJson({ schema_version: 1, kind: 'repo-find', query: { fingerprint: flags.fingerprint ?? null, remote: flags.remote ?? null }, items });
    return;
  }
  if (items.length === 0) {
    const what = [flags.fingerprint && `fingerprint ${flags.fingerprint}`, flags.remote && `remote ${flags.remote}`].filter(Boolean).join(' and ');
    process.stderr.write(`custodian: no repo with ${what}\n`);
    return;
  }
  writeLines(repoLines(items, colors()));
}
