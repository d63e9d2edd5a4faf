// A small layered layout for the dependency graph (left to right, dependencies before their
// dependents): each connected component on its own, layers by longest path, order within a layer
// by a few barycentre sweeps, components stacked. A few hundred nodes lay out in milliseconds,
// with no library in the page.

export interface LayoutInput {
  nodes: readonly { key: string }[];
  edges: readonly { from: string; to: string }[];
}

export interface Placed {
  x: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Placed>;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 38;
const GAP_X = 56;
const GAP_Y = 14;
const COMPONENT_GAP = 28;
const MARGIN = 8;
const SWEEPS = 4;

export function layeredLayout(graph: LayoutInput): Layout {
  const index = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const n = graph.nodes.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (const e of graph.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    succ[a].push(b);
    pred[b].push(a);
  }
  const nodes = new Map<string, Placed>();
  let top = MARGIN;
  let width = 0;
  for (const component of components(n, succ, pred)) {
    const layers = layerOf(component, succ);
    const columns = orderLayers(component, layers, succ, pred);
    const tallest = Math.max(...columns.map((c) => c.length));
    const height = tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y;
    columns.forEach((column, layer) => {
      const own = column.length * NODE_HEIGHT + (column.length - 1) * GAP_Y;
      const offset = top + (height - own) / 2;
      column.forEach((node, i) => {
        nodes.set(graph.nodes[node].key, { x: MARGIN + layer * (NODE_WIDTH + GAP_X), y: offset + i * (NODE_HEIGHT + GAP_Y) });
      });
    });
    width = Math.max(width, columns.length * (NODE_WIDTH + GAP_X) - GAP_X);
    top += height + COMPONENT_GAP;
  }
  return { width: width + 2 * MARGIN, height: Math.max(top - COMPONENT_GAP + MARGIN, 2 * MARGIN), nodes };
}

/** Connected components (edges taken both ways), in the order of their first node. */
function components(n: number, succ: number[][], pred: number[][]): number[][] {
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const component: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      component.push(v);
      for (const w of [...succ[v], ...pred[v]]) {
        if (!seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    out.push(component.sort((a, b) => a - b));
  }
  return out;
}

/**
 * Longest-path layers. Edges closing a cycle (a `dependency/cycle` the check reports) are ignored
 * so a cyclic graph still lays out.
 */
function layerOf(component: number[], succ: number[][]): Map<number, number> {
  const state = new Map<number, 1 | 2>();
  const order: number[] = [];
  const back = new Set<string>();
  for (const root of component) {
    if (state.has(root)) continue;
    const stack: [number, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < succ[v].length) {
        top[1]++;
        const w = succ[v][i];
        const s = state.get(w);
        if (s === undefined) {
          state.set(w, 1);
          stack.push([w, 0]);
        } else if (s === 1) back.add(`${v}>${w}`);
      } else {
        state.set(v, 2);
        order.push(v);
        stack.pop();
      }
    }
  }
  const layer = new Map<number, number>(component.map((v) => [v, 0]));
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    for (const w of succ[v]) if (!back.has(`${v}>${w}`)) layer.set(w, Math.max(layer.get(w)!, layer.get(v)! + 1));
  }
  return layer;
}

/** Nodes of each layer in an order with few crossings: barycentres of neighbours, down then up. */
function orderLayers(component: number[], layer: Map<number, number>, succ: number[][], pred: number[][]): number[][] {
  const depth = Math.max(...component.map((v) => layer.get(v)!)) + 1;
  const columns: number[][] = Array.from({ length: depth }, () => []);
  for (const v of component) columns[layer.get(v)!].push(v);
  const position = new Map<number, number>();
  const place = () => columns.forEach((column) => column.forEach((v, i) => position.set(v, i / Math.max(1, column.length - 1))));
  place();
  const sortBy = (column: number[], neighbours: number[][]) => {
    const key = new Map(column.map((v, i) => [v, barycentre(neighbours[v], position) ?? i / Math.max(1, column.length - 1)]));
    column.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    column.forEach((v, i) => position.set(v, i / Math.max(1, column.length - 1)));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let l = 1; l < depth; l++) sortBy(columns[l], pred);
    for (let l = depth - 2; l >= 0; l--) sortBy(columns[l], succ);
  }
  return columns;
}

function barycentre(neighbours: number[], position: Map<number, number>): number | null {
  if (neighbours.length === 0) return null;
  let sum = 0;
  for (const w of neighbours) sum += position.get(w)!;
  return sum / neighbours.length;
}
