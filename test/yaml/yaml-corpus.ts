// A deterministic corpus shaped like the sync path's input: front-matters of about 15 keys with a
// `tasks:` list of 6 mappings, and task blocks of 3–6 keys. About one text in eight carries prose
// with `&`, `*`, `!` or `?` (which sends readYaml down its listener path), as real workplans do.

const STATUSES = ['todo', 'in_progress', 'done', 'blocked', 'cancelled'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const WORDS = ['storage', 'index', 'sync', 'parser', 'registry', 'editor', 'fence', 'schema', 'dispatch', 'domain'];
const PROSE = [
  'Add the migration and a rollback path',
  'Move the reader behind an interface',
  'Index rebuild must stay under one second',
  'R&D spike - compare both parsers',
  'Ship it! Then measure again',
  'Why does sync re-read unchanged files?',
  'Rewrite **only** the scalar that changed',
];

/** A small seeded PRNG (mulberry32), so every run measures the same texts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface YamlCorpus {
  frontMatters: string[];
  taskBlocks: string[];
}

export function buildCorpus(workplans: number, seed = 20260228): YamlCorpus {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const date = () => `2026-0${1 + Math.floor(next() * 9)}-${String(10 + Math.floor(next() * 18))}`;
  const prose = () => (next() < 0.04 ? pick(PROSE.slice(3)) : pick(PROSE.slice(0, 3)));
  const frontMatters: string[] = [];
  const taskBlocks: string[] = [];
  for (let w = 0; w < workplans; w++) {
    const id = `CUST-WP-${String(w).padStart(4, '0')}`;
    const lines = [
      `id: ${id}`,
      `title: "${pick(WORDS)} ${pick(WORDS)}: ${prose()}"`,
      'type: workplan',
      `domain: ${pick(WORDS)}`,
      `repo: the-${pick(WORDS)}`,
      `status: ${pick(['active', 'draft', 'completed'])}`,
      `owner: agent-${Math.floor(next() * 40)}`,
      `topic_slug: ${pick(WORDS)}-${pick(WORDS)}`,
      `created: ${date()}`,
      `updated: ${date()}`,
      `priority: ${pick(PRIORITIES)}`,
      `tags: [${pick(WORDS)}, ${pick(WORDS)}]`,
      `estimate_hours: ${Math.floor(next() * 80)}`,
      '# tasks also appear as fenced blocks below',
      'tasks:',
    ];
    for (let t = 1; t <= 6; t++) {
      lines.push(
        `  - id: T0${t}`,
        `    title: ${prose()}`,
        `    status: ${pick(STATUSES)}`,
        `    depends_on: [T0${Math.max(1, t - 1)}]`,
      );
    }
    frontMatters.push(lines.join('\n') + '\n');
    // About 6.3 task blocks per workplan: 63,000 for 10,000 workplans.
    const blocks = 6 + (next() < 0.3 ? 1 : 0);
    for (let b = 1; b <= blocks; b++) {
      const block = [`id: ${id}-T0${b}`, `status: ${pick(STATUSES)}`, `priority: ${pick(PRIORITIES)}`];
      if (next() < 0.6) block.push(`depends_on: [${id}-T0${Math.max(1, b - 1)}]`);
      if (next() < 0.4) block.push(`needs_human: ${next() < 0.2}`);
      if (next() < 0.3) block.push(`notes: ${prose()}`);
      taskBlocks.push(block.join('\n') + '\n');
    }
  }
  return { frontMatters, taskBlocks };
}
