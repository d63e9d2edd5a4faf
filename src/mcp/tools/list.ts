// `list`: `custodian task|workplan|goal|interface-change|decision list --json` with the CLI's
// filters, or `custodian search <query> --json`; ids and titles only (a search adds each item's
// kind), a page at a time.
import { z } from 'zod';
import type { WorkspaceOptions } from '../../api/context.js';
import type { ListFilters } from '../../api/filters.js';
import { usageError } from '../../errors.js';
import { pageItems } from '../bounds.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cursorArg, limitArg } from '../schema.js';
import { commaList, defineTool } from '../tool.js';
import { DOCUMENT_KINDS } from './show.js';

type Kind = (typeof DOCUMENT_KINDS)[number];

interface Listed {
  kind: string;
  mode: string;
  items: { id: string | null; title: string | null; status: string | null; repo_slug: string }[];
}

type Lister = (options: WorkspaceOptions & ListFilters) => Promise<Listed>;

/** Each other kind's list operation: `custodian <kind> list --json` (tasks take filters of their own, below). */
const LIST: Record<Exclude<Kind, 'task'>, Lister> = {
  workplan: async (o) => (await import('../../api/workplans.js')).workplanList(o),
  goal: async (o) => (await import('../../api/records.js')).goalList(o),
  'interface-change': async (o) => (await import('../../api/records.js')).interfaceChangeList(o),
  decision: async (o) => (await import('../../api/records.js')).decisionList(o),
};

/** The filters only `task list` has. */
const TASK_FILTERS = ['assignee', 'priority', 'ready'] as const;

const filter = z.string().min(1).max(200);

export const listTool = defineTool({
  name: 'list',
  description: 'Ids and titles of tasks, workplans, goals, interface changes or decisions, filtered; or a full-text search with `query`. Pages with next_cursor.',
  input: z.strictObject({
    kind: z.enum(DOCUMENT_KINDS).optional().describe('default task (with query: every kind)'),
    query: z.string().min(1).max(200).optional().describe('words to find in titles and descriptions'),
    repo: filter.optional().describe('repo slugs, comma-separated'),
    domain: filter.optional().describe('domain slugs, comma-separated'),
    status: filter.optional().describe('statuses, comma-separated'),
    assignee: filter.optional().describe('tasks held by these names, comma-separated'),
    priority: filter.optional().describe('tasks with these priorities, comma-separated'),
    ready: z.boolean().optional().describe('only tasks ready to work on'),
    limit: limitArg(200, 50),
    cursor: cursorArg.optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, at) {
    const { limit, cursor, ...question } = args;
    const offset = decodeCursor(cursor, question);
    const taskFilters = TASK_FILTERS.filter((key) => args[key] !== undefined);
    const filters = { ...at, repos: commaList(args.repo), domains: commaList(args.domain), statuses: commaList(args.status) };
    let doc: { kind: string; mode: string; query?: string; items: object[] };
    if (args.query !== undefined) {
      // `custodian search <query> [--kind K] --limit 0 --json`: every match, best first, paged here.
      if (taskFilters.length) throw usageError(`${taskFilters.join(', ')} go without query (full-text search filters by kind, repo, domain and status)`);
      const { search } = await import('../../api/search.js');
      const found = await search({ ...filters, text: args.query, kinds: args.kind === undefined ? undefined : [args.kind], limit: 0 });
      doc = { ...found, items: found.items.map((item) => ({ kind: item.kind, id: item.id, title: item.title, status: item.status, repo_slug: item.repo_slug })) };
    } else {
      const kind = args.kind ?? 'task';
      if (kind !== 'task' && taskFilters.length) throw usageError(`${taskFilters.join(', ')} filter tasks only, not ${kind} documents`);
      const listed =
        kind === 'task'
          ? await (await import('../../api/tasks.js')).taskList({ ...filters, assignees: commaList(args.assignee), priorities: commaList(args.priority), ready: args.ready })
          : await LIST[kind](filters);
      doc = { ...listed, items: listed.items.map((item) => ({ id: item.id, title: item.title, status: item.status, repo_slug: item.repo_slug })) };
    }
    const frame = { schema_version: 1, kind: doc.kind, mode: doc.mode, ...(doc.query === undefined ? {} : { query: doc.query }), total: doc.items.length };
    const page = pageItems(doc.items, offset, limit, frame);
    return { ...frame, items: page.items, next_cursor: page.next === null ? null : encodeCursor(page.next, question) };
  },
});
