// `repo list`, `repo show` and `repo find`: the document as JSON or as lines.
import { repoFind as findRepos, repoList as listRepos, repoShow as showRepo, type RepoDocument } from '../../api/repos.js';
import { apiOptions } from '../api-options.js';
import type { RepoFindFlags, RepoListFlags, RepoShowFlags } from '../commands/repo.js';
import type { CliContext } from '../context.js';
import { fieldLines, repoLines } from '../format/registry.js';
import { colors, writeHuman, writeJson, writeMessage, type Colors } from '../output.js';

export async function repoList(ctx: CliContext, flags: RepoListFlags): Promise<void> {
  const doc = await listRepos({ ...apiOptions(ctx), domain: flags.domain });
  if (flags.json) writeJson(doc);
  else writeHuman(doc.items, (items) => repoLines(items, colors()));
}

export async function repoShow(ctx: CliContext, slug: string, flags: RepoShowFlags): Promise<void> {
  const doc = await showRepo({ ...apiOptions(ctx), slug });
  const repo = doc.repo;
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const color = colors();
  writeHuman(repo, (shown) => repoDetailLines(shown, color));
}

function repoDetailLines(repo: RepoDocument['repo'], color: Colors): string[] {
  const where = repo.checkout_from === 'host_paths' ? `host path for ${repo.hostname}` : 'path';
  return [
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
  ];
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
    writeMessage(`custodian: no repo with ${what}`);
    return;
  }
  writeHuman(doc.items, (items) => repoLines(items, colors()));
}
