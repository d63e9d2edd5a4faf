// The dependency graph of the tasks the report lists: the graph `custodian graph` draws
// (src/dispatch/graph.ts), scoped to those tasks and what they depend on. Tasks with no
// dependency either way are left out: a lone box says nothing the lists do not.
import { buildGraph } from '../../dispatch/graph.js';
import type { QueueTask } from '../../dispatch/types.js';
import type { WorkplanCatalog } from '../../dispatch/workstreams.js';
import type { ReportGraph } from '../model.js';

export function reportGraph(tasks: readonly QueueTask[], catalog: WorkplanCatalog, listed: ReadonlySet<QueueTask>): ReportGraph {
  const graph = buildGraph(tasks, catalog, (task) => listed.has(task));
  const linked = new Set<string>();
  for (const edge of graph.edges) {
    linked.add(edge.from);
    linked.add(edge.to);
  }
  return {
    nodes: graph.nodes
      .filter((node) => linked.has(node.node_id))
      .map((node) => ({ key: node.node_id, id: node.id, title: node.title, repo_slug: node.repo, state: node.state })),
    edges: graph.edges,
  };
}
