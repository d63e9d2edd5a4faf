// `list`: `custodian task|workplan|goal|interface-change|decision list --json` with the CLI's
// filters, or `custodian search <query> --json`; ids and titles only, a page at a time.
import { z } from 'zod';
import type { WorkspaceOptions } from '../../api/context.js';
import type { ListFilters } from '../../api/filters.js';
import { taskList } from '../../api/tasks.js';
import { workplanList } from '../../api/workplans.js';
import { pageItems } from '../bounds.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cursorArg, limitArg } from '../schema.js';
import { commaList, defineTool, notAvailable } from '../tool.js';
import { DOCUMENT_KINDS } from './show.js';

type Kind = (typeof DOCUMENT_KINDS)[number];

interface Listed {
  kind: string;
  mode: string;
  items: { id: string | null; title: string | null; status: string | null; repo_slug: string }[];
}

type Lister = (options: WorkspaceOptions & ListFilters) => Promise<Listed>;

/** Each kind's list operation (null: not in this build). */
const LIST: Record<Kind, Lister | null> = {
  task: taskList,
  workplan: workplanList,
  goal: null,
  'interface-change': null,
  decision: null,
};

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
    if (args.query !== undefined) throw notAvailable('`query` (full-text search)');
    if (args.assignee !== undefined || args.priority !== undefined || args.ready !== undefined) throw notAvailable('`assignee`, `priority` and `ready`');
    const kind = args.kind ?? 'task';
    const lister = LIST[kind];
    if (lister === null) throw notAvailable(`list of ${kind} documents`);
    const doc = await lister({ ...at, repos: commaList(args.repo), domains: commaList(args.domain), statuses: commaList(args.status) });
    const all = doc.items.map((item) => ({ id: item.id, title: item.title, status: item.status, repo_slug: item.repo_slug }));
    const frame = { schema_version: 1, kind: doc.kind, mode: doc.mode, total: all.length };
    const page = pageItems(all, offset, limit, frame);
    return { ...frame, items: page.items, next_cursor: page.next === null ? null : encodeCursor(page.next, question) };
  },
});
