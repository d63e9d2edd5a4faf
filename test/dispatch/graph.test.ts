import { describe, expect, it } from 'vitest';
import { buildGraph, NodeIds } from '../../src/dispatch/graph.js';
import { workplanCatalog } from '../../src/dispatch/workstreams.js';
import { dotGraph, escapeDot } from '../../src/cli/format/graph-dot.js';
import { escapeMermaid, mermaidGraph } from '../../src/cli/format/graph-mermaid.js';
import { task, workplan } from './rows.js';

const api = workplan('API-1');
const cli = workplan('CLI-1', { repo: 'cli', file: 'workplans/CLI-1.md' });
const tasks = [
  task('API-1-T01', api, { status: 'done', ordinal: 0, title: 'Store "amounts" [as] <ints>' }),
  task('API-1-T02', api, { ordinal: 1, depends_on: ['T01'], title: 'end' }),
  task('API-1-T03', api, { ordinal: 2, status: 'cancelled' }),
  task('CLI-1-T01', cli, { depends_on: ['API-1-T01', 'GHOST-1', 'API-1-T02'], title: 'C:\\path # `x`' }),
];

describe('dependency graph model', () => {
  it('has every task as a node, an edge per dependency, unknown dependencies as their own nodes', () => {
    const graph = buildGraph(tasks, workplanCatalog([api, cli]), null);
    expect(graph.nodes.map((n) => [n.node_id, n.state, n.repo, n.external])).toEqual([
      ['t_API_1_T01', 'done', 'api', false],
      ['t_API_1_T02', 'ready', 'api', false],
      ['t_API_1_T03', 'cancelled', 'api', false],
      ['t_CLI_1_T01', 'pending', 'cli', false],
      ['u_GHOST_1', 'unknown', null, false],
    ]);
    expect(graph.edges).toEqual([
      { from: 't_API_1_T01', to: 't_API_1_T02', dashed: false },
      { from: 't_API_1_T01', to: 't_CLI_1_T01', dashed: false },
      { from: 'u_GHOST_1', to: 't_CLI_1_T01', dashed: true },
      { from: 't_API_1_T02', to: 't_CLI_1_T01', dashed: false },
    ]);
  });

  it("draws one repo's tasks, with the tasks of other repos they depend on as external nodes", () => {
    const graph = buildGraph(tasks, workplanCatalog([api, cli]), 'cli');
    expect(graph.nodes.map((n) => [n.node_id, n.repo, n.external])).toEqual([
      ['t_CLI_1_T01', 'cli', false],
      ['t_API_1_T01', 'api', true],
      ['u_GHOST_1', null, false],
      ['t_API_1_T02', 'api', true],
    ]);
  });

  it('makes distinct valid node ids from ids that sanitise alike', () => {
    const ids = new NodeIds();
    expect([ids.take('t', 'A-B'), ids.take('t', 'A_B'), ids.take('t', 'A.B'), ids.take('t', 'é')]).toEqual(['t_A_B', 't_A_B_2', 't_A_B_3', 't__']);
  });
});

describe('renderers', () => {
  const graph = buildGraph(tasks, workplanCatalog([api, cli]), null);

  it('escapes Mermaid labels as entity codes', () => {
    expect(escapeMermaid('a "b" <c> #d `e` & f\ng')).toBe('a #34;b#34; #60;c#62; #35;d #96;e#96; #38; f g');
  });

  it('prints a Mermaid flowchart grouped by repo, ready and done tasks styled, unknown ones dashed', () => {
    expect(mermaidGraph(graph, true)).toBe(
      [
        'flowchart LR',
        '  subgraph repo_0_api ["api"]',
        '    t_API_1_T01["API-1-T01<br/>Store #34;amounts#34; [as] #60;ints#62;"]',
        '    t_API_1_T02["API-1-T02<br/>end"]',
        '    t_API_1_T03["API-1-T03<br/>Task API-1-T03"]',
        '  end',
        '  subgraph repo_1_cli ["cli"]',
        '    t_CLI_1_T01["CLI-1-T01<br/>C:\\path #35; #96;x#96;"]',
        '  end',
        '  u_GHOST_1["GHOST-1<br/>(no such task)"]',
        '  t_API_1_T01 --> t_API_1_T02',
        '  t_API_1_T01 --> t_CLI_1_T01',
        '  u_GHOST_1 -.-> t_CLI_1_T01',
        '  t_API_1_T02 --> t_CLI_1_T01',
        '  classDef ready fill:#d8f5d0,stroke:#2e7d32,color:#1b5e20',
        '  classDef pending fill:#ffffff,stroke:#616161,color:#212121',
        '  classDef done fill:#f2f2f2,stroke:#c8c8c8,color:#9e9e9e',
        '  classDef cancelled fill:#f2f2f2,stroke:#c8c8c8,color:#9e9e9e,stroke-dasharray:2 2',
        '  classDef unknown fill:#ffffff,stroke:#c62828,color:#c62828,stroke-dasharray:5 3',
        '  class t_API_1_T02 ready',
        '  class t_CLI_1_T01 pending',
        '  class t_API_1_T01 done',
        '  class t_API_1_T03 cancelled',
        '  class u_GHOST_1 unknown',
        '',
      ].join('\n'),
    );
  });

  it('escapes dot strings', () => {
    expect(escapeDot('a "b" C:\\x\ny')).toBe('a \\"b\\" C:\\\\x y');
  });

  it('prints Graphviz dot with one cluster per repo', () => {
    const dot = dotGraph(graph, true);
    expect(dot.split('\n').slice(0, 6)).toEqual([
      'digraph dependencies {',
      '  rankdir=LR;',
      '  node [shape=box, fontname="Helvetica", fontsize=10];',
      '  subgraph cluster_0_api {',
      '    label="api";',
      '    t_API_1_T01 [label="API-1-T01\\nStore \\"amounts\\" [as] <ints>", style="rounded,filled", fillcolor="#f2f2f2", color="#c8c8c8", fontcolor="#9e9e9e"];',
    ]);
    expect(dot).toContain('    t_CLI_1_T01 [label="CLI-1-T01\\nC:\\\\path # `x`", style="rounded", color="#616161"];');
    expect(dot).toContain('  u_GHOST_1 -> t_CLI_1_T01 [style=dashed];');
    expect(dot.endsWith('}\n')).toBe(true);
    // Every quoted string closes: an even number of unescaped quotes on every line.
    for (const line of dot.split('\n')) expect((line.replace(/\\\\/g, '').replace(/\\"/g, '').match(/"/g) ?? []).length % 2).toBe(0);
  });
});
