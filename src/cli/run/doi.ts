// `doi [<repo>]`: the report as JSON, or a table with a summary on stderr. Exits 0 whenever it
// answers; an unknown repo is `not-found` (exit 1).
import { doi as integration } from '../../api/doi.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { colors, writeHuman, writeJson } from '../output.js';

import type { DoiFlags } from '../commands/doi.js';

export async function doi(ctx: CliContext, repo: string | undefined, flags: DoiFlags): Promise<void> {
  const doc = await integration({
    ...apiOptions(ctx),
    sync: flags.sync,
    repo,
    refresh: flags.refresh,
    onRecomputed: process.env.CUSTODIAN_DEBUG ? debugRecomputed : undefined,
  });
  if (flags.json) {
    writeJson(doc);
    return;
  }
  const { doiSummary, doiTable, marksFor } = await import('../format/doi.js');
  writeHuman(doc.items, (items) => doiTable(items, colors(), marksFor(process.env)));
  process.stderr.write(`${doiSummary(doc.items)}\n`);
}

function debugRecomputed(recomputed: Record<string, string[]>): void {
  const redone = Object.entries(recomputed).filter(([, groups]) => groups.length > 0);
  process.stderr.write(`custodian: doi: recomputed ${redone.map(([slug, groups]) => `${slug} (${groups.join(', ')})`).join(', ') || 'nothing'}\n`);
}
