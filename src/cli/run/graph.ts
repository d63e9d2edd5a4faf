// `graph [<repo>] --format mermaid|dot`: the api's graph drawn as text.
import { graph as dependencyGraph } from '../../api/graph.js';
import { usageError } from '../../errors.js';
import { apiOptions } from '../api-options.js';
import type { GraphFlags } from '../commands/graph.js';
import type { CliContext } from '../context.js';
import { dotGraph } from '../format/graph-dot.js';
import { mermaidGraph } from '../format/graph-mermaid.js';
import { writeHuman } from '../output.js';

export async function graph(ctx: CliContext, repo: string | undefined, flags: GraphFlags): Promise<void> {
  const format = flags.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw usageError(`unknown graph format ${JSON.stringify(format)}: expected mermaid or dot`);
  const doc = await dependencyGraph({ ...apiOptions(ctx), sync: flags.sync, repo });
  const grouped = doc.repo_slug === null;
  // dot and Mermaid are text for tools, but they land in terminals too: shown like every human view.
  writeHuman(doc, (shown) => [(format === 'dot' ? dotGraph(shown, grouped) : mermaidGraph(shown, grouped)).replace(/\n$/, '')]);
}
