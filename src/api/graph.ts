// `graph [<repo>]`: the task dependency graph of one repo (plus what its tasks depend on) or of
// the whole workspace, as data; the CLI draws it as Mermaid or Graphviz dot.
import { buildGraph, type GraphEdge, type GraphNode } from '../dispatch/graph.js';
import { workplanCatalog } from '../dispatch/workstreams.js';
import { selectQueueTasks, selectWorkplans } from '../index/queries/dispatch.js';
import { loadWorkspace, withIndex, type WorkspaceOptions } from './context.js';
import { requireRepo } from './filters.js';

export type { GraphEdge, GraphNode };

export interface GraphOptions extends WorkspaceOptions {
  /** Only this repo's tasks and what they depend on (default: the whole workspace, grouped by repo). */
  repo?: string;
}

export interface GraphDocument {
  schema_version: 1;
  kind: 'graph';
  /** The repo drawn, or null for the whole workspace. */
  repo_slug: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export async function graph(options: GraphOptions = {}): Promise<GraphDocument> {
  const ws = await loadWorkspace(options);
  const model = await withIndex(ws, options, (db) => {
    requireRepo(ws, options.repo);
    return buildGraph(selectQueueTasks(db), workplanCatalog(selectWorkplans(db)), options.repo ?? null);
  });
  return { schema_version: 1, kind: 'graph', repo_slug: options.repo ?? null, nodes: model.nodes, edges: model.edges };
}
