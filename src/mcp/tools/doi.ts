// `doi`: `custodian doi [<repo>] [--refresh] --json`, worst tier first, a page at a time.
import { z } from 'zod';
import { pageItems } from '../bounds.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cursorArg, limitArg, repoArg } from '../schema.js';
import { defineTool } from '../tool.js';

export const doiTool = defineTool({
  name: 'doi',
  description: 'How well each repo is integrated: tier (none, core, standard, full) and the 14 criteria with pass, fail or skip and why; worst tier first.',
  input: z.strictObject({
    repo: repoArg.optional().describe('only this repo'),
    refresh: z.boolean().optional().describe('recompute, ignoring cached results'),
    limit: limitArg(20, 10),
    cursor: cursorArg.optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, at) {
    const { limit, cursor, refresh, ...question } = args;
    const offset = decodeCursor(cursor, question);
    const { doi: evaluate } = await import('../../api/doi.js');
    const report = await evaluate({ ...at, repo: args.repo, refresh: refresh === true });
    const frame = { schema_version: report.schema_version, kind: report.kind, mode: report.mode, total: report.items.length };
    const page = pageItems(report.items, offset, limit, frame);
    return { ...frame, items: page.items, next_cursor: page.next === null ? null : encodeCursor(page.next, question) };
  },
});
