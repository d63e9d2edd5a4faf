// `custodian repo list|show|add|update|archive|path|find`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  const repo = program.command('repo').description('list, show, add, update, archive and find repositories');
  repo
    .command('list')
    .description('list the repos of the registry')
    .option('--domain <slug>', 'only the repos of this domain')
    .option('--json', 'print a repo-list JSON document')
    .action(async (flags) => (await import('../run/repo-list.js')).repoList(ctx, flags));
  repo
    .command('show')
    .description("show a repo, with its checkout on this host and whether it exists")
    .argument('<slug>', 'repo slug')
    .option('--json', 'print a repo JSON document')
    .action(async (slug: string, flags) => (await import('../run/repo-list.js')).repoShow(ctx, slug, flags));
  repo
    .command('add')
    .description("add a repo to custodian.yaml, recording its root commit as fingerprint and its origin as remote_url")
    .argument('<slug>', 'new repo slug: lowercase letters, digits, - and _')
    .option('--path <dir>', 'the checkout (relative to the current folder, or absolute); required')
    .option('--domain <slug>', 'the domain the repo belongs to; required')
    .option('--name <name>', 'display name (default: the slug)')
    .option('--remote-url <url>', "canonical remote (default: the checkout's origin)")
    .option('--description <text>', 'what the repo holds')
    .option('--fingerprint <sha>', 'root commit id, when the checkout cannot tell (a shallow clone)')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-add JSON document')
    .action(async (slug: string, flags) => (await import('../run/repo-edit.js')).repoAdd(ctx, slug, flags));
  repo
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
    .option('--json', 'print a repo-update JSON document')
    .action(async (slug: string, flags) => (await import('../run/repo-edit.js')).repoUpdate(ctx, slug, flags));
  repo
    .command('archive')
    .description("set a repo's status to archived")
    .argument('<slug>', 'repo slug')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-archive JSON document')
    .action(async (slug: string, flags) => (await import('../run/repo-edit.js')).repoArchive(ctx, slug, flags));
  repo
    .command('path')
    .description("record where a repo's checkout lives on a host (host_paths)")
    .argument('<slug>', 'repo slug')
    .argument('<host>', 'hostname, as the machine reports it')
    .argument('<path>', 'the checkout on that host (absolute, or relative to the workspace folder)')
    .option('--local', 'write it to the git-ignored custodian.local.yaml instead of custodian.yaml')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a repo-path JSON document')
    .action(async (slug: string, host: string, path: string, flags) =>
      (await import('../run/repo-edit.js')).repoPath(ctx, slug, host, path, flags),
    );
  repo
    .command('find')
    .description('find repos by fingerprint (root commit) or remote URL; exit 1 when none match')
    .option('--fingerprint <sha>', 'root commit id (or a prefix of at least 4 hex digits)')
    .option('--remote <url>', 'remote URL (compared ignoring a trailing .git or /, and the case of scheme and host)')
    .option('--json', 'print a repo-find JSON document')
    .action(async (flags) => (await import('../run/repo-list.js')).repoFind(ctx, flags));
}
