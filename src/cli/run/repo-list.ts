// `repo list`, `repo show` and `repo find`: the document as JSON or as lines.
import { repoFind as findRepos, repoList as listRepos, repoShow as showRepo } from '../../api/repos.js';
import { apiOptions } from '../api-options.js';
import type { RepoFindFlags, RepoListFlags, RepoShowFlags } from '../commands/repo.js';
import type { CliContext } from '../context.js';
import { fieldLines, repoLines } from '../format/registry.js';
import { colors, writeJson, writeLines } from '../output.js';

export async function repoList(ctx: CliContext, flags: RepoListFlags): Promise<void> {
  const doc = await listRepos({ ...apiOptions(ctx), domain: flags.domain });
  if (flags.json) writeJson(doc);
  else writeLines(repoLines(doc.items, colors()));
}

export async function repoShow(ctx: CliContext, slug: string, flags: RepoShowFlags): Promise<void> {
  const doc = await showRepo({ ...apiOptions(ctx), slug });
  const repo = doc.repo;
  if (flags.json) {
    writeJson(doc);
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

/** Exit 1 when none match. */
export async function repoFind(ctx: CliContext, flags: RepoFindFlags): Promise<void> {
  const doc = await findRepos({ ...apiOptions(ctx), fingerprint: flags.fingerprint, remote: flags.remote });
  if (doc.items.length === 0) ctx.exitCode = 1;
  if (flags.json) {
    writeJson(doc);
    return;
  }
  if (doc.items.length === 0) {
    const what = [flags.fingerprint && `fingerprint ${flags.fingerprint}`, flags.remote && `remote ${flags.remote}`].filter(Boolean).join(' and ');
    process.stderr.write(`custodian: no repo with ${what}\n`);
    return;
  }
  writeLines(repoLines(doc.items, colors()));
}
