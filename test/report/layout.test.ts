// The graph layout: dependencies left of their dependents, no two boxes overlapping, separate
// components stacked, and a cycle (which check reports) still laid out.
import { describe, expect, it } from 'vitest';
import { layeredLayout, NODE_HEIGHT, NODE_WIDTH } from '../../src/report/view/layout.js';

const graph = (edges: [string, string][], extra: string[] = []) => {
  const keys = [...new Set([...edges.flat(), ...extra])];
  return { nodes: keys.map((key) => ({ key })), edges: edges.map(([from, to]) => ({ from, to })) };
};

function overlaps(layout: ReturnType<typeof layeredLayout>): string[] {
  const boxes = [...layout.nodes.entries()];
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i];
      const [b, q] = boxes[j];
      if (Math.abs(p.x - q.x) < NODE_WIDTH && Math.abs(p.y - q.y) < NODE_HEIGHT) out.push(`${a}/${b}`);
    }
  return out;
}

describe('layeredLayout', () => {
  it('puts every dependency left of what depends on it', () => {
    const g = graph([['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'c'], ['c', 'e']]);
    const layout = layeredLayout(g);
    for (const { from, to } of g.edges) expect(layout.nodes.get(from)!.x).toBeLessThan(layout.nodes.get(to)!.x);
    expect(overlaps(layout)).toEqual([]);
  });

  it('stacks separate components and fits everything in its size', () => {
    const layout = layeredLayout(graph([['a', 'b'], ['x', 'y'], ['y', 'z']], ['lone']));
    expect(layout.nodes.size).toBe(6);
    expect(overlaps(layout)).toEqual([]);
    for (const p of layout.nodes.values()) {
      expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.nodes.get('a')!.y).not.toBe(layout.nodes.get('x')!.y);
  });

  it('lays out a cycle instead of looping', () => {
    const layout = layeredLayout(graph([['a', 'b'], ['b', 'c'], ['c', 'a']]));
    expect(layout.nodes.size).toBe(3);
    expect(overlaps(layout)).toEqual([]);
  });

  it('orders a layer so that edges do not cross when they need not', () => {
    // p1 -> c1, p2 -> c2 listed in crossing order: the sweep untangles them.
    const layout = layeredLayout({ nodes: [{ key: 'p1' }, { key: 'p2' }, { key: 'c2' }, { key: 'c1' }, { key: 'root' }], edges: [{ from: 'root', to: 'p1' }, { from: 'root', to: 'p2' }, { from: 'p1', to: 'c1' }, { from: 'p2', to: 'c2' }] });
    const y = (k: string) => layout.nodes.get(k)!.y;
    expect(Math.sign(y('p1') - y('p2'))).toBe(Math.sign(y('c1') - y('c2')));
  });
});
