// The dependency graph as an SVG string: a box per task (coloured by state), an arrow from each
// dependency to its dependent; dashed for a dependency naming no single task, highlighted when
// it crosses repos.
import type { ReportGraph, ReportGraphNode } from '../model.js';
import { escapeHtml as h } from './escape.js';
import { layeredLayout, NODE_HEIGHT, NODE_WIDTH } from './layout.js';

const STATE_LABEL: Readonly<Record<string, string>> = {
  ready: 'ready',
  pending: 'waiting',
  done: 'done',
  cancelled: 'cancelled',
  unknown: 'names no task',
  ambiguous: 'declared twice',
};

export function graphSvg(graph: ReportGraph, label: string): string {
  const layout = layeredLayout(graph);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const edges = graph.edges
    .map((edge) => {
      const a = layout.nodes.get(edge.from);
      const b = layout.nodes.get(edge.to);
      if (!a || !b) return '';
      const from = byKey.get(edge.from)!;
      const to = byKey.get(edge.to)!;
      const cross = from.repo_slug !== null && to.repo_slug !== null && from.repo_slug !== to.repo_slug;
      const x1 = a.x + NODE_WIDTH;
      const y1 = a.y + NODE_HEIGHT / 2;
      const x2 = b.x - 2;
      const y2 = b.y + NODE_HEIGHT / 2;
      const bend = Math.max(24, Math.abs(x2 - x1) / 2);
      const cls = ['edge', edge.dashed ? 'dashed' : '', cross ? 'cross' : ''].filter(Boolean).join(' ');
      return `<path class="${cls}" d="M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const nodes = graph.nodes.map((node) => nodeBox(node, layout.nodes.get(node.key)!)).join('');
  return (
    `<svg class="graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${h(label)}">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>' +
    `<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg>`
  );
}

function nodeBox(node: ReportGraphNode, at: { x: number; y: number }): string {
  const tip = `${node.id ?? '(no id)'} — ${node.title}${node.repo_slug === null ? '' : ` (${node.repo_slug})`}: ${STATE_LABEL[node.state] ?? node.state}`;
  return (
    `<g class="node state-${h(node.state)}" transform="translate(${at.x} ${at.y})"><title>${h(tip)}</title>` +
    `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="4"/>` +
    `<text x="8" y="15" class="nid">${h(clip(node.id ?? '(no id)', 26))}</text>` +
    `<text x="8" y="30" class="ntitle">${h(clip(node.title, 30))}</text></g>`
  );
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
