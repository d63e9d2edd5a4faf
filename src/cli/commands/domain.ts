// `custodian domain list|show|add|rename|archive`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  const domain = program.command('domain').description('list, show, add, rename and archive domains');
  domain
    .command('list')
    .description('list the domains of the registry')
    .option('--json', 'print a domain-list JSON document')
    .action(async (flags) => (await import('../run/domain-list.js')).domainList(ctx, flags));
  domain
    .command('show')
    .description('show a domain with the number of its repos, workplans and tasks')
    .argument('<slug>', 'domain slug')
    .option('--json', 'print a domain JSON document')
    .option('--no-sync', 'count from the index as it is, without the incremental sync')
    .action(async (slug: string, flags) => (await import('../run/domain-list.js')).domainShow(ctx, slug, flags));
  domain
    .command('add')
    .description('add a domain to custodian.yaml (comments and layout kept)')
    .argument('<slug>', 'new domain slug: lowercase letters, digits, - and _')
    .option('--name <name>', 'display name (required)')
    .option('--description <text>', 'what the domain covers')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a domain-add JSON document')
    .action(async (slug: string, flags) => (await import('../run/domain-edit.js')).domainAdd(ctx, slug, flags));
  domain
    .command('rename')
    .description("rename a domain's slug in the registry and in the domain: of every workplan and goal of its repos")
    .argument('<old>', 'current domain slug')
    .argument('<new>', 'new domain slug')
    .option('--name <name>', 'also set the display name')
    .option('--dry-run', 'print the diff of every file, change nothing')
    .option('--json', 'print a domain-rename JSON document')
    .action(async (from: string, to: string, flags) => (await import('../run/domain-edit.js')).domainRename(ctx, from, to, flags));
  domain
    .command('archive')
    .description('set a domain\'s status to archived (refused while it has active workplans)')
    .argument('<slug>', 'domain slug')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a domain-archive JSON document')
    .action(async (slug: string, flags) => (await import('../run/domain-edit.js')).domainArchive(ctx, slug, flags));
}
