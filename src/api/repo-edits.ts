// `repo add|update|archive|path`: a new entry at the end of custodian.yaml's repos, or values of
// one entry changed in place (custodian.yaml unless the repo is only in custodian.local.yaml;
// `path` with `local` always there).
import { refused, usageError } from '../errors.js';
import { checkoutFacts, type CheckoutFacts, type FingerprintStatus } from '../workspace/checkout-facts.js';
import type { RegistryTexts } from '../workspace/registry-edit.js';
import { REPO_KEY_ORDER, appendEntry, doubleQuoted, entryIndex, locateEntry, registryData, setInMapping, setScalar } from '../workspace/registry-edit-yaml.js';
import { registryPath } from '../workspace/registry-path.js';
import { withoutCredentials } from '../workspace/remote-url.js';
import type { DomainConfig, RepoConfig, Workspace } from '../workspace/types.js';
import { cwdOf, envOf } from './context.js';
import { repoItem, type RepoItem } from './items/registry.js';
import {
  checkNewSlug,
  editDocument,
  findDomain,
  findRepo,
  nonEmpty,
  registryWorkspace,
  runRegistryEdit,
  type EditDocumentFields,
  type EditOptions,
  type EditWarning,
} from './registry-context.js';

export type { FingerprintStatus };

export interface RepoAddOptions extends EditOptions {
  /** Lowercase letters, digits, - and _. */
  slug: string;
  /** The checkout, relative to `cwd` or absolute (required). */
  path?: string;
  /** The domain the repo belongs to (required). */
  domain?: string;
  /** Display name (default: the slug). */
  name?: string;
  /** Canonical remote (default: the checkout's origin, without credentials). */
  remoteUrl?: string;
  description?: string;
  /** Root commit id (40 or 64 hex digits), when the checkout cannot tell (a shallow clone). */
  fingerprint?: string;
  /** Register a path that does not exist on this host (a checkout of another machine); refused otherwise. */
  allowMissing?: boolean;
}

export interface RepoUpdateOptions extends EditOptions {
  slug: string;
  name?: string;
  domain?: string;
  /** Relative to `cwd`, or absolute. */
  path?: string;
  remoteUrl?: string;
  description?: string;
  fingerprint?: string;
}

export interface RepoArchiveOptions extends EditOptions {
  slug: string;
}

export interface RepoPathOptions extends EditOptions {
  slug: string;
  /** The hostname, as the machine reports it. */
  host: string;
  /** The checkout on that host (absolute, or relative to the workspace folder). */
  path: string;
  /** Write it to the git-ignored custodian.local.yaml instead of custodian.yaml. */
  local?: boolean;
}

export interface RepoEditDocument<K extends string> extends EditDocumentFields {
  kind: K;
  repo: RepoItem;
}

export interface RepoAddDocument extends RepoEditDocument<'repo-add'> {
  fingerprint_status: FingerprintStatus;
  remote_url_source: 'given' | 'origin' | null;
}

export type RepoUpdateDocument = RepoEditDocument<'repo-update'>;
export type RepoArchiveDocument = RepoEditDocument<'repo-archive'>;

export interface RepoPathDocument extends RepoEditDocument<'repo-path'> {
  host: string;
  path: string;
  /** The registry file written: custodian.yaml or custodian.local.yaml. */
  file: string;
}

const FULL_SHA = /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

/** Records the checkout's root commit as fingerprint and its origin as remote_url unless given. */
export async function repoAdd(options: RepoAddOptions): Promise<RepoAddDocument> {
  const { slug } = options;
  const ws = await registryWorkspace(options);
  checkNewSlug('repo', slug, ws.repos.map((r) => r.slug));
  const givenPath = nonEmpty('--path', options.path);
  if (givenPath === undefined) throw usageError('repo add needs --path <dir> (the checkout, relative to the current folder or absolute)');
  if (options.domain === undefined) throw usageError('repo add needs --domain <slug>');
  activeDomain(ws, options.domain, `cannot add repo ${slug} to it`);
  const name = nonEmpty('--name', options.name) ?? slug;
  const remoteGiven = nonEmpty('--remote-url', options.remoteUrl);
  if (options.fingerprint !== undefined && !FULL_SHA.test(options.fingerprint)) {
    throw usageError(`--fingerprint ${JSON.stringify(options.fingerprint)}: expected a full commit id (40 or 64 hex digits)`);
  }

  const path = registryPath(ws.root, givenPath, cwdOf(options), envOf(options));
  const facts = await checkoutFacts(path.absolute);
  if (facts.status === 'missing-checkout' && options.allowMissing !== true) {
    throw refused(`${path.absolute} does not exist on this host: check --path, or pass --allow-missing to register a checkout that lives elsewhere`, {
      reason: 'missing-checkout',
    });
  }
  const warnings = factWarnings(slug, path.absolute, facts, options.fingerprint !== undefined);
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
  const fingerprint = options.fingerprint?.toLowerCase() ?? facts.fingerprint;
  refuseRegistered(ws.repos, path.absolute, fingerprint);
  const fingerprintStatus: FingerprintStatus = options.fingerprint !== undefined ? 'given' : facts.status;

  const entry: Record<string, string> = { slug, name, domain: options.domain, path: path.value };
  if (remoteUrl !== null) entry.remote_url = remoteUrl;
  if (fingerprint !== null) entry.fingerprint = fingerprint;
  if (options.description !== undefined) entry.description = options.description;

  const run = await runRegistryEdit(
    ws,
    (texts) => {
      const appended = appendEntry(texts.main, 'repos', entry);
      const index = countRepos(appended) - 1;
      return { main: fingerprint === null ? appended : doubleQuoted(appended, ['repos', index, 'fingerprint']) };
    },
    options,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  return editDocument(options, {
    kind: 'repo-add',
    changed: run.changed,
    edits: run.edits,
    body: { repo: repoItem(repo), fingerprint_status: fingerprintStatus, remote_url_source: remoteSource },
    warnings,
  });
}

/** A domain a repo may join: it exists and is not archived (archived domains hold history only). */
function activeDomain(ws: Workspace, slug: string, what: string): DomainConfig {
  const domain = findDomain(ws, slug);
  if (domain.status === 'archived') {
    throw refused(`domain ${slug} is archived: ${what} (set its status: active in custodian.yaml to use it again)`, { reason: 'archived-domain' });
  }
  return domain;
}

/**
 * One repository, one slug: a checkout already registered (the same folder, or the same root
 * commit under another slug) is refused, naming the slug it has.
 */
function refuseRegistered(repos: readonly RepoConfig[], checkout: string, fingerprint: string | null): void {
  const same = repos.find((r) => r.checkout === checkout) ?? (fingerprint === null ? undefined : repos.find((r) => r.fingerprint?.toLowerCase() === fingerprint));
  if (!same) return;
  const why = same.checkout === checkout ? `its checkout ${checkout}` : `its root commit ${fingerprint}`;
  throw refused(`this repository is already registered as ${same.slug} (${why}): use custodian repo update ${same.slug} or custodian repo path ${same.slug}`, {
    reason: 'already-registered',
    repo_slug: same.slug,
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

type UpdatableKey = 'name' | 'domain' | 'path' | 'remote_url' | 'description' | 'fingerprint';

/** Applies `edit` to the registry file holding the repo's entry. */
function inEntryFile(texts: RegistryTexts, slug: string, edit: (text: string, index: number) => string): Partial<RegistryTexts> {
  const at = locateEntry(texts, 'repos', slug)!;
  return at.file === 'main' ? { main: edit(texts.main, at.index) } : { local: edit(texts.local!, at.index) };
}

export async function repoUpdate(options: RepoUpdateOptions): Promise<RepoUpdateDocument> {
  const { slug } = options;
  const ws = await registryWorkspace(options);
  findRepo(ws, slug);
  const values: [UpdatableKey, string][] = [];
  const name = nonEmpty('--name', options.name);
  if (name !== undefined) values.push(['name', name]);
  if (options.domain !== undefined) values.push(['domain', activeDomain(ws, options.domain, `cannot move repo ${slug} into it`).slug]);
  const path = nonEmpty('--path', options.path);
  if (path !== undefined) values.push(['path', registryPath(ws.root, path, cwdOf(options), envOf(options)).value]);
  const remote = nonEmpty('--remote-url', options.remoteUrl);
  if (remote !== undefined) values.push(['remote_url', remote]);
  if (options.description !== undefined) values.push(['description', options.description]);
  if (options.fingerprint !== undefined) {
    if (!FULL_SHA.test(options.fingerprint)) throw usageError(`--fingerprint ${JSON.stringify(options.fingerprint)}: expected a full commit id (40 or 64 hex digits)`);
    values.push(['fingerprint', options.fingerprint.toLowerCase()]);
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
    options,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  const warnings = values.flatMap(([key, value]) => overridden(repo, key, value));
  return editDocument(options, { kind: 'repo-update', changed: run.changed, edits: run.edits, body: { repo: repoItem(repo) }, warnings });
}

/** A warning when custodian.local.yaml sets the key too, so the new value does not apply on this machine. */
function overridden(repo: RepoConfig, key: UpdatableKey, value: string): EditWarning[] {
  const effective = repo[key];
  const expected = key === 'fingerprint' ? value.toLowerCase() : value;
  if (effective === expected) return [];
  return [{ code: 'overridden-locally', message: `custodian.local.yaml sets ${key} of repo ${repo.slug} (${JSON.stringify(effective)}), which overrides the new value on this machine` }];
}

export async function repoArchive(options: RepoArchiveOptions): Promise<RepoArchiveDocument> {
  const { slug } = options;
  const ws = await registryWorkspace(options);
  findRepo(ws, slug);
  const run = await runRegistryEdit(
    ws,
    (texts) => inEntryFile(texts, slug, (text, index) => setScalar(text, ['repos', index, 'status'], 'archived', { order: REPO_KEY_ORDER })),
    options,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  return editDocument(options, { kind: 'repo-archive', changed: run.changed, edits: run.edits, body: { repo: repoItem(repo) } });
}

/** Records where the repo's checkout lives on a host (host_paths). */
export async function repoPath(options: RepoPathOptions): Promise<RepoPathDocument> {
  const { slug, host, path } = options;
  const ws = await registryWorkspace(options);
  findRepo(ws, slug);
  nonEmpty('<host>', host);
  nonEmpty('<path>', path);
  let file = 'custodian.local.yaml';
  const run = await runRegistryEdit(
    ws,
    (texts) => {
      if (!options.local) file = locateEntry(texts, 'repos', slug)!.file === 'main' ? 'custodian.yaml' : 'custodian.local.yaml';
      if (!options.local) return inEntryFile(texts, slug, (text, index) => setInMapping(text, ['repos', index, 'host_paths'], host, path, REPO_KEY_ORDER));
      let local = texts.local ?? '';
      let index = entryIndex(local, 'repos', slug);
      if (index < 0) {
        local = appendEntry(local, 'repos', { slug });
        index = entryIndex(local, 'repos', slug);
      }
      return { local: setInMapping(local, ['repos', index, 'host_paths'], host, path, REPO_KEY_ORDER) };
    },
    options,
  );
  const repo = run.plan.registry.repos.find((r) => r.slug === slug)!;
  const warnings: EditWarning[] =
    repo.host_paths[host] === path
      ? []
      : [{ code: 'overridden-locally', message: `custodian.local.yaml sets host path ${host} of repo ${slug} (${repo.host_paths[host]}), which overrides this one` }];
  return editDocument(options, { kind: 'repo-path', changed: run.changed, edits: run.edits, body: { repo: repoItem(repo), host, path, file }, warnings });
}
