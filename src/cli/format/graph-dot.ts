// The dependency graph as Graphviz dot: one cluster per repo for the whole workspace, quoted
// labels with `\` and `"` escaped, ready tasks green, done and cancelled ones grey, unknown and
// ambiguous dependencies dashed.
import type { DependencyGraph, GraphNode, NodeState } from '../../dispatch/graph.js';
import { sanitise } from '../../dispatch/graph.js';

const NODE_STYLE: Record<NodeState, string> = {
  ready: 'style="rounded,filled", fillcolor="#d8f5d0", color="#2e7d32", fontcolor="#1b5e20"',
  pending: 'style="rounded", color="#616161"',
  done: 'style="rounded,filled", fillcolor="#f2f2f2", color="#c8c8c8", fontcolor="#9e9e9e"',
  cancelled: 'style="rounded,filled,dotted", fillcolor="#f2f2f2", color="#c8c8c8", fontcolor="#9e9e9e"',
  unknown: 'style="rounded,dashed", color="#c62828", fontcolor="#c62828"',
  ambiguous: 'style="rounded,dashed", color="#ef6c00", fontcolor="#ef6c00"',
};

export function dotGraph(graph: DependencyGraph, groupByRepo: boolean): string {
  const lines = ['digraph dependencies {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica", fontsize=10];'];
  const node = (n: GraphNode, indent: string) => {
    const style = n.external && n.state !== 'done' ? NODE_STYLE[n.state].replace('style="rounded', 'style="rounded,dashed') : NODE_STYLE[n.state];
    return `${indent}${n.node_id} [label="${dotLabel(n)}", ${style}];`;
  };
  if (groupByRepo) {
    const repos = [...new Set(graph.nodes.filter((n) => n.repo !== null).map((n) => n.repo!))];
    repos.forEach((repo, i) => {
      lines.push(`  subgraph cluster_${i}_${sanitise(repo)} {`, `    label="${escapeDot(repo)}";`);
      for (const n of graph.nodes) if (n.repo === repo) lines.push(node(n, '    '));
      lines.push('  }');
    });
    for (const n of graph.nodes) if (n.repo === null) lines.push(node(n, '  '));
  } else {
    for (const n of graph.nodes) lines.push(node(n, '  '));
  }
  for (const e of graph.edges) lines.push(`  ${e.from} -> ${e.to}${e.dashed ? ' [style=dashed]' : ''};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function dotLabel(n: GraphNode): string {
  const id = n.external && n.repo ? `${n.repo}:${n.id ?? ''}` : (n.id ?? '(no id)');
  return `${escapeDot(id)}\\n${escapeDot(n.title)}`;
}

/** A dot double-quoted string: backslashes and quotes escaped, line breaks as spaces. */
export function escapeDot(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
