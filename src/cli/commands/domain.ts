// `custodian domain list|show|add|rename|archive`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('domain').description('list, show, add, rename and archive domains');
}

function defineList(domain: Group) {
  return domain.command('list').description('list the domains of the registry').option('--json', 'print a domain-list JSON document');
}

function defineShow(domain: Group) {
  return domain
    .command('show')
    .description('show a domain with the number of its repos, workplans and tasks')
    .argument('<slug>', 'domain slug')
    .option('--json', 'print a domain JSON document')
    .option('--no-sync', 'count from the index as it is, without the incremental sync');
}

function defineAdd(domain: Group) {
  return domain
    .command('add')
    .description('add a domain to custodian.yaml (comments and layout kept)')
    .argument('<slug>', 'new domain slug: lowercase letters, digits, - and _')
    .option('--name <name>', 'display name (required)')
    .option('--description <text>', 'what the domain covers')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a domain-add JSON document');
}

function defineRename(domain: Group) {
  return domain
    .command('rename')
    .description("rename a domain's slug in the registry and in the domain: of every workplan and goal of its repos")
    .argument('<old>', 'current domain slug')
    .argument('<new>', 'new domain slug')
    .option('--name <name>', 'also set the display name')
    .option('--dry-run', 'print the diff of every file, change nothing')
    .option('--json', 'print a domain-rename JSON document');
}

function defineArchive(domain: Group) {
  return domain
    .command('archive')
    .description("set a domain's status to archived (refused while it has active workplans)")
    .argument('<slug>', 'domain slug')
    .option('--dry-run', 'print the diff, change nothing')
    .option('--json', 'print a domain-archive JSON document');
}

export type DomainListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type DomainShowFlags = OptionsOf<ReturnType<typeof defineShow>>;
export type DomainAddFlags = OptionsOf<ReturnType<typeof defineAdd>>;
export type DomainRenameFlags = OptionsOf<ReturnType<typeof defineRename>>;
export type DomainArchiveFlags = OptionsOf<ReturnType<typeof defineArchive>>;

export function register(program: Program, ctx: CliContext): void {
  const domain = group(program);
  defineList(domain).action(async (flags) => (await import('../run/domain-list.js')).domainList(ctx, flags));
  defineShow(domain).action(async (slug, flags) => (await import('../run/domain-list.js')).domainShow(ctx, slug, flags));
  defineAdd(domain).action(async (slug, flags) => (await import('../run/domain-edit.js')).domainAdd(ctx, slug, flags));
  defineRename(domain).action(async (from, to, flags) => (await import('../run/domain-edit.js')).domainRename(ctx, from, to, flags));
  defineArchive(domain).action(async (slug, flags) => (await import('../run/domain-edit.js')).domainArchive(ctx, slug, flags));
}
