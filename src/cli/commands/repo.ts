// `custodian repo list|show|add|update|archive|path|find`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('repo').description('list, show, add, update, archive and find repositories');
}

function defineList(repo: Group) {
  return repo
    .command('list')
    .description('list the repos of the registry')
    .option('--domain <slug>', 'only the repos of this domain')
    .option('--json', 'print a repo-list JSON document');
}

function defineShow(repo: Group) {
  return repo
    .command('show')
    .description('show a repo, with its checkout on this host and whether it exists')
    .argument('<slug>', 'repo slug')
    .option('--json', 'print a repo JSON document');
}

function defineAdd(repo: Group) {
  return repo
    .command('add')
    .description('add a repo to custodian.yaml, recording its root commit as fingerprint and its origin as remote_url')
    .argument('<slug>', 'new repo slug: lowercase letters, digits, - and _')
    .option('--path <dir>', 'the checkout (relative to the current folder, or absolute); required')
    .option('--domain <slug>', 'the domain the repo belongs to; required')
    .option('--name <name>', 'display name (default: the slug)')
    .option('--remote-url <url>', "canonical remote (default: the checkout's origin)")
    .option('--description <text>', 'what the repo holds')
    .option('--fingerprint <sha>', 'root commit id, when the checkout cannot tell (a shallow clone)')
    .option('--allow-missing', 'register a path that does not exist on this host (a checkout of another machine)')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-add JSON document');
}

function defineUpdate(repo: Group) {
  return repo
    .command('update')
    .description("change a repo's values in place")
    .argument('<slug>', 'repo slug')
    .option('--name <name>', 'display name')
    .option('--domain <slug>', 'domain')
    .option('--path <dir>', 'checkout path (relative to the current folder, or absolute)')
    .option('--remote-url <url>', 'canonical remote')
    .option('--description <text>', 'description')
    .option('--fingerprint <sha>', 'root commit id')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-update JSON document');
}

function defineArchive(repo: Group) {
  return repo
    .command('archive')
    .description("set a repo's status to archived")
    .argument('<slug>', 'repo slug')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-archive JSON document');
}

function definePath(repo: Group) {
  return repo
    .command('path')
    .description("record where a repo's checkout lives on a host (host_paths)")
    .argument('<slug>', 'repo slug')
    .argument('<host>', 'hostname, as the machine reports it')
    .argument('<path>', 'the checkout on that host (absolute, or relative to the workspace folder)')
    .option('--local', 'write it to the git-ignored custodian.local.yaml instead of custodian.yaml')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-path JSON document');
}

function defineFind(repo: Group) {
  return repo
    .command('find')
    .description('find repos by fingerprint (root commit) or remote URL; exit 1 when none match')
    .option('--fingerprint <sha>', 'root commit id (or a prefix of at least 4 hex digits)')
    .option('--remote <url>', 'remote URL (compared ignoring a trailing .git or /, and the case of scheme and host)')
    .option('--json', 'print a repo-find JSON document');
}

export type RepoListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type RepoShowFlags = OptionsOf<ReturnType<typeof defineShow>>;
export type RepoAddFlags = OptionsOf<ReturnType<typeof defineAdd>>;
export type RepoUpdateFlags = OptionsOf<ReturnType<typeof defineUpdate>>;
export type RepoArchiveFlags = OptionsOf<ReturnType<typeof defineArchive>>;
export type RepoPathFlags = OptionsOf<ReturnType<typeof definePath>>;
export type RepoFindFlags = OptionsOf<ReturnType<typeof defineFind>>;

export function register(program: Program, ctx: CliContext): void {
  const repo = group(program);
  defineList(repo).action(async (flags) => (await import('../run/repo-list.js')).repoList(ctx, flags));
  defineShow(repo).action(async (slug, flags) => (await import('../run/repo-list.js')).repoShow(ctx, slug, flags));
  defineAdd(repo).action(async (slug, flags) => (await import('../run/repo-edit.js')).repoAdd(ctx, slug, flags));
  defineUpdate(repo).action(async (slug, flags) => (await import('../run/repo-edit.js')).repoUpdate(ctx, slug, flags));
  defineArchive(repo).action(async (slug, flags) => (await import('../run/repo-edit.js')).repoArchive(ctx, slug, flags));
  definePath(repo).action(async (slug, host, path, flags) => (await import('../run/repo-edit.js')).repoPath(ctx, slug, host, path, flags));
  defineFind(repo).action(async (flags) => (await import('../run/repo-list.js')).repoFind(ctx, flags));
}
