// `repo add <slug> --path P --domain D [--name N] [--remote-url U] [--description D]
// [--fingerprint SHA]`: a new entry at the end of custodian.yaml's repos, with the checkout's
// root commit as fingerprint and its origin as remote_url unless given.
import { usageError } from '../../errors.js';
import { appendEntry, doubleQuoted, registryData } from '../../workspace/registry-edit-yaml.js';
import type { CliContext } from '../context.js';
import { repoItem } from '../format/registry.js';
import { writeEditReport, type EditWarning } from '../format/registry-edit.js';
import { checkNewSlug, findDomain, nonEmpty, registryWorkspace, runRegistryEdit } from './domain-repo-context.js';
import { checkoutFacts, type CheckoutFacts, type FingerprintStatus } from './repo-git-facts.js';
import { registryPath } from './repo-paths.js';
import { withoutCredentials } from './repo-remote.js';

export interface RepoAddFlags {
  path?: string;
  name?: string;
  domain?: string;
  remoteUrl?: string;
  description?: string;
  fingerprint?: string;
  json?: boolean;
  dryRun?: boolean;
}

export const FULL_SHA = /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

export async function repoAdd(ctx: CliContext, slug: string, flags: RepoAddFlags): Promise<void> {
  const ws = await registryWorkspace(ctx);
  checkNewSlug('repo', slug, ws.repos.map((r) => r.slug));
  const givenPath = nonEmpty('--path', flags.path);
  if (givenPath === undefined) throw usageError('repo add needs --path <dir> (the checkout, relative to the current folder or absolute)');
  if (flags.domain === undefined) throw usageError('repo add needs --domain <slug>');
  findDomain(ws, flags.domain);
  const name = nonEmpty('--name', flags.name) ?? slug;
  const remoteGiven = nonEmpty('--remote-url', flags.remoteUrl);
  if (flags.fingerprint !== undefined && !FULL_SHA.test(flags.fingerprint)) {
    throw usageError(`--fingerprint ${JSON.stringify(flags.fingerprint)}: expected a full commit id (40 or 64 hex digits)`);
  }

  const path = registryPath(ws.root, givenPath);
  const facts = await checkoutFacts(path.absolute);
  const warnings = factWarnings(slug, path.absolute, facts, flags.fingerprint !== undefined);
  let remoteUrl = remoteGiven ?? null;
  let remoteSource: 'given' | 'origin' | null = remoteGiven === undefined ? null : 'given';
  if (remoteUrl === null && facts.origin !== null) {
    const clean = withoutCredentials(facts.origin);
    remoteUrl = clean.url;
    remoteSource = 'origin';
    if (clean.removed) {
      warnings.push({ code: 'credentials-removed', message: `the origin URL of ${path.absolute} carries credentials; recorded it without them` });
    }
  }
  const fingerprint = flags.fingerprint?.toLowerCase() ?? facts.fingerprint;
  const fingerprintStatus: FingerprintStatus = flags.fingerprint !== undefined ? 'given' : facts.status;

  const entry: Record<string, string> = { slug, name, domain: flags.domain, path: path.value };
  if (remoteUrl !== null) entry.remote_url = remoteUrl;
  if (fingerprint !== null) entry.fingerprint = fingerprint;
  if (flags.description !== undefined) entry.description = flags.description;

  const run = await runRegistryEdit(
    ws,
    (texts) => {
      const appended = appendEntry(texts.main, 'repos', entry);
      const index = countRepos(appended) - 1;
      return { main: fingerprint === null ? appended : doubleQuoted(appended, ['repos', index, 'fingerprint']) };
    },
    flags,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  writeEditReport({
    kind: 'repo-add',
    json: flags.json === true,
    dryRun: flags.dryRun === true,
    changed: run.changed,
    edits: run.edits,
    body: { repo: repoItem(repo), fingerprint_status: fingerprintStatus, remote_url_source: remoteSource },
    warnings,
    summary: [
      `added repo ${slug} (domain ${flags.domain}, path ${path.value}) to custodian.yaml`,
      fingerprint !== null ? `  fingerprint ${fingerprint}` : '  no fingerprint recorded',
      remoteUrl !== null ? `  remote_url ${remoteUrl}` : '  no remote_url recorded',
    ],
  });
}

/** How many repos the text lists (the appended entry is the last). */
function countRepos(text: string): number {
  const repos = registryData(text).repos;
  return Array.isArray(repos) ? repos.length : 0;
}

function factWarnings(slug: string, checkout: string, facts: CheckoutFacts, fingerprintGiven: boolean): EditWarning[] {
  const later = `custodian repo update ${slug} --fingerprint <root commit>`;
  const warnings: EditWarning[] = [];
  if (facts.status === 'missing-checkout') {
    warnings.push({ code: 'missing-checkout', message: `${checkout} does not exist on this host: no fingerprint or remote_url was read from it` });
  } else if (facts.status === 'not-a-repo') {
    warnings.push({ code: 'not-a-repo', message: `${checkout} is not inside a git work tree: no fingerprint or remote_url was read from it` });
  } else if (facts.status === 'shallow' && !fingerprintGiven) {
    warnings.push({
      code: 'shallow-clone',
      message: `${checkout} is a shallow clone, so its root commit cannot be known there: no fingerprint recorded (after \`git fetch --unshallow\`, run \`${later}\`)`,
    });
  } else if (facts.status === 'no-commits' && !fingerprintGiven) {
    warnings.push({ code: 'no-commits', message: `${checkout} has no commits yet: no fingerprint recorded (after the first commit, run \`${later}\`)` });
  } else if (facts.roots.length > 1 && !fingerprintGiven) {
    warnings.push({
      code: 'several-roots',
      message: `HEAD of ${checkout} has ${facts.roots.length} root commits; recorded ${facts.fingerprint}, the one its first-parent history starts from`,
    });
  }
  return warnings;
}
