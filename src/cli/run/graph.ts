// `graph [<repo>] --format mermaid|dot`: the dependency graph of a repo or of the whole workspace.
import { buildGraph } from '../../dispatch/graph.js';
import { workplanCatalog } from '../../dispatch/workstreams.js';
import { notFound, usageError } from '../../errors.js';
import { selectQueueTasks, selectWorkplans } from '../../index/queries/dispatch.js';
import type { CliContext } from '../context.js';
import { dotGraph } from '../format/graph-dot.js';
import { mermaidGraph } from '../format/graph-mermaid.js';
import { openFreshIndex } from './workspace.js';

export async function graph(ctx: CliContext, repo: string | undefined, flags: { format?: string; sync?: boolean }): Promise<void> {
  const format = flags.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw usageError(`unknown graph format ${JSON.stringify(format)}: expected mermaid or dot`);
  const { ws, db } = await openFreshIndex(ctx, { sync: flags.sync });
  try {
    if (repo !== undefined && !ws.repos.some((r) => r.slug === repo)) throw notFound(`no repo ${repo} in the workspace (try \`custodian repo list\`)`);
    const model = buildGraph(selectQueueTasks(db), workplanCatalog(selectWorkplans(db)), repo ?? null);
    const grouped = repo === undefined;
    process.stdout.write(format === 'dot' ? dotGraph(model, grouped) : mermaidGraph(model, grouped));
  } finally {
    db.close();
  }
}
