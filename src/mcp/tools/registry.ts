// `registry`: the registry's domains and repos in one tool (rarely used actions cost one schema):
// `custodian domain list|add|rename|archive` and `custodian repo list|add|update|archive`, --json.
import { z } from 'zod';
import type { WorkspaceOptions } from '../../api/context.js';
import { usageError } from '../../errors.js';
import { fitDocument, pageItems } from '../bounds.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cursorArg } from '../schema.js';
import { defineTool } from '../tool.js';

const ACTIONS = ['domain_list', 'domain_create', 'domain_rename', 'domain_archive', 'repo_list', 'repo_register', 'repo_update', 'repo_archive'] as const;
type Action = (typeof ACTIONS)[number];

const slug = z.string().min(1).max(100);
const text = z.string().min(1).max(1000);

const input = z.strictObject({
  action: z.enum(ACTIONS),
  slug: slug.optional().describe('the domain or repo'),
  new_slug: slug.optional().describe('domain_rename: the new slug'),
  name: z.string().min(1).max(200).optional().describe('display name'),
  description: text.optional(),
  domain: slug.optional().describe("a repo's domain; repo_list: only its repos"),
  path: text.optional().describe("the repo's checkout, absolute or relative to the workspace"),
  remote_url: text.optional(),
  fingerprint: z.string().min(40).max(64).regex(/^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$/).optional().describe('root commit id'),
  dry_run: z.boolean().optional().describe('answer with the diffs, write nothing'),
  limit: z.number().int().min(1).max(200).optional().describe('lists: at most this many items (1-200, default 100)'),
  cursor: cursorArg.optional(),
});
type Args = z.output<typeof input>;
type Key = Exclude<keyof Args, 'action'>;

/** The arguments each action takes (anything else is a usage error, not silently ignored). */
const TAKES: Record<Action, Key[]> = {
  domain_list: ['limit', 'cursor'],
  domain_create: ['slug', 'name', 'description', 'dry_run'],
  domain_rename: ['slug', 'new_slug', 'name', 'dry_run'],
  domain_archive: ['slug', 'dry_run'],
  repo_list: ['domain', 'limit', 'cursor'],
  repo_register: ['slug', 'path', 'domain', 'name', 'remote_url', 'description', 'fingerprint', 'dry_run'],
  repo_update: ['slug', 'name', 'domain', 'path', 'remote_url', 'description', 'fingerprint', 'dry_run'],
  repo_archive: ['slug', 'dry_run'],
};

export const registryTool = defineTool({
  name: 'registry',
  description: 'Domains and repos of custodian.yaml: list, create, rename or archive a domain; list, register, update or archive a repo. Edits keep comments and layout.',
  input,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run(args, at) {
    const stray = (Object.keys(args) as (keyof Args)[]).filter((k) => k !== 'action' && args[k] !== undefined && !TAKES[args.action].includes(k as Key));
    if (stray.length) throw usageError(`${args.action} does not take ${stray.join(', ')} (it takes ${TAKES[args.action].join(', ')})`);
    if (args.action === 'domain_list' || args.action === 'repo_list') return listPage(args, at);
    const edit = { ...at, dryRun: args.dry_run === true };
    const slugOf = () => {
      if (args.slug === undefined) throw usageError(`${args.action} needs slug`);
      return args.slug;
    };
    const values = { name: args.name, domain: args.domain, path: args.path, remoteUrl: args.remote_url, description: args.description, fingerprint: args.fingerprint };
    const { domainAdd, domainArchive } = await import('../../api/domains.js');
    const { repoAdd, repoArchive, repoUpdate } = await import('../../api/repo-edits.js');
    let doc: object;
    switch (args.action) {
      case 'domain_create':
        doc = await domainAdd({ ...edit, slug: slugOf(), name: args.name, description: args.description });
        break;
      case 'domain_rename':
        doc = await (await import('../../api/domain-rename.js')).domainRename({ ...edit, from: slugOf(), to: args.new_slug ?? slugOf(), name: args.name });
        break;
      case 'domain_archive':
        doc = await domainArchive({ ...edit, slug: slugOf() });
        break;
      case 'repo_register':
        doc = await repoAdd({ ...edit, slug: slugOf(), ...values });
        break;
      case 'repo_update':
        doc = await repoUpdate({ ...edit, slug: slugOf(), ...values });
        break;
      case 'repo_archive':
        doc = await repoArchive({ ...edit, slug: slugOf() });
        break;
    }
    return fitDocument(doc, [['edits'], ['left_unchanged'], ['failed']], 'The same action with dry_run in a shell (`custodian … --dry-run`) shows every diff.');
  },
});

async function listPage(args: Args, at: WorkspaceOptions): Promise<object> {
  const { limit = 100, cursor, ...question } = args;
  const offset = decodeCursor(cursor, question);
  const doc =
    args.action === 'domain_list' ? await (await import('../../api/domains.js')).domainList(at) : await (await import('../../api/repos.js')).repoList({ ...at, domain: args.domain });
  const frame = { schema_version: doc.schema_version, kind: doc.kind, total: doc.items.length };
  const page = pageItems<object>(doc.items, offset, limit, frame);
  return { ...frame, items: page.items, next_cursor: page.next === null ? null : encodeCursor(page.next, question) };
}
