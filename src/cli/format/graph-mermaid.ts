// The dependency graph as a Mermaid flowchart. Labels are quoted, with every character Mermaid
// could read as syntax written as an entity code (`#34;` for a quote); node ids come sanitised
// from the graph model, so `end` and friends can never appear as one.
import type { DependencyGraph, GraphNode, NodeState } from '../../dispatch/graph.js';
import { sanitise } from '../../dispatch/graph.js';

const CLASS_DEFS: Record<NodeState, string> = {
  ready: 'fill:#d8f5d0,stroke:#2e7d32,color:#1b5e20',
  pending: 'fill:#ffffff,stroke:#616161,color:#212121',
  done: 'fill:#f2f2f2,stroke:#c8c8c8,color:#9e9e9e',
  cancelled: 'fill:#f2f2f2,stroke:#c8c8c8,color:#9e9e9e,stroke-dasharray:2 2',
  unknown: 'fill:#ffffff,stroke:#c62828,color:#c62828,stroke-dasharray:5 3',
  ambiguous: 'fill:#ffffff,stroke:#ef6c00,color:#ef6c00,stroke-dasharray:5 3',
};

export function mermaidGraph(graph: DependencyGraph, groupByRepo: boolean): string {
  const lines = ['flowchart LR'];
  const node = (n: GraphNode, indent: string) => `${indent}${n.node_id}["${mermaidLabel(n)}"]`;
  if (groupByRepo) {
    const repos = [...new Set(graph.nodes.filter((n) => n.repo !== null).map((n) => n.repo!))];
    repos.forEach((repo, i) => {
      lines.push(`  subgraph repo_${i}_${sanitise(repo)} ["${escapeMermaid(repo)}"]`);
      for (const n of graph.nodes) if (n.repo === repo) lines.push(node(n, '    '));
      lines.push('  end');
    });
    for (const n of graph.nodes) if (n.repo === null) lines.push(node(n, '  '));
  } else {
    for (const n of graph.nodes) lines.push(node(n, '  '));
  }
  for (const e of graph.edges) lines.push(`  ${e.from} ${e.dashed ? '-.->' : '-->'} ${e.to}`);
  const states = (Object.keys(CLASS_DEFS) as NodeState[]).filter((s) => graph.nodes.some((n) => n.state === s));
  for (const state of states) lines.push(`  classDef ${state} ${CLASS_DEFS[state]}`);
  for (const state of states) lines.push(`  class ${graph.nodes.filter((n) => n.state === state).map((n) => n.node_id).join(',')} ${state}`);
  const external = graph.nodes.filter((n) => n.external);
  if (external.length) lines.push(`  style ${external.map((n) => n.node_id).join(',')} stroke-dasharray:2 2`);
  return `${lines.join('\n')}\n`;
}

function mermaidLabel(n: GraphNode): string {
  const id = n.external && n.repo ? `${n.repo}:${n.id ?? ''}` : (n.id ?? '(no id)');
  return `${escapeMermaid(id)}<br/>${escapeMermaid(n.title)}`;
}

/** Characters Mermaid would read as syntax or markup inside a quoted label, as entity codes. */
export function escapeMermaid(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#34;')
    .replace(/</g, '#60;')
    .replace(/>/g, '#62;')
    .replace(/`/g, '#96;')
    .replace(/&/g, '#38;');
}
