// `search <text>`: flags to api options, the document as JSON or as lines.
import { search as searchIndex } from '../../api/search.js';
import { apiOptions } from '../api-options.js';
import type { SearchFlags } from '../commands/search.js';
import type { CliContext } from '../context.js';
import { searchLines } from '../format/search.js';
import { colors, writeHuman, writeJson } from '../output.js';
import { parseLimit } from './dispatch.js';

export async function search(ctx: CliContext, text: string, flags: SearchFlags): Promise<void> {
  const doc = await searchIndex({
    ...apiOptions(ctx),
    sync: flags.sync,
    text,
    repos: flags.repo,
    domains: flags.domain,
    kinds: flags.kind,
    statuses: flags.status,
    limit: parseLimit(flags.limit),
  });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => searchLines(shown, colors()));
  // Nothing found is the answer "no".
  if (doc.items.length === 0) ctx.exitCode = 1;
}
