// Cross-file truth: duplicate ids and dependencies across files and repos, cycles, single-repo
// mode, and what a broken file still contributes.
import { describe, expect, test } from 'vitest';
import { checkFiles, positions } from './harness.js';

const workplan = (id: string, tasks: string, extra = '') => `---\nid: ${id}\n${extra}---\n\n${tasks}`;
const block = (id: string, deps = '') => `\`\`\`task\nid: ${id}\nstatus: todo\n${deps ? `depends_on: [${deps}]\n` : ''}\`\`\`\n\n`;

describe('task/duplicate-id', () => {
  test('a task id in two repos is reported at both, each pointing at the other', async () => {
    const found = await checkFiles({
      'ledger-api:workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', block('SHARED-1')),
      'ledger-cli:workplans/LCLI-WP-0001-b.md': workplan('LCLI-WP-0001', `# Title\n\n${block('SHARED-1')}`),
    });
    expect(found.map((d) => ({ repo: d.repo, file: d.file, line: d.line, column: d.column, rule: d.rule_id, related: d.related }))).toEqual([
      {
        repo: 'ledger-api',
        file: 'workplans/LEDG-WP-0001-a.md',
        line: 6,
        column: 5,
        rule: 'task/duplicate-id',
        related: [{ repo: 'ledger-cli', file: 'workplans/LCLI-WP-0001-b.md', line: 7, column: 1, message: 'task `SHARED-1`' }],
      },
      {
        repo: 'ledger-cli',
        file: 'workplans/LCLI-WP-0001-b.md',
        line: 8,
        column: 5,
        rule: 'task/duplicate-id',
        related: [{ repo: 'ledger-api', file: 'workplans/LEDG-WP-0001-a.md', line: 5, column: 1, message: 'task `SHARED-1`' }],
      },
    ]);
    expect(found[0].message).toBe('Duplicate task id `SHARED-1`: also declared at ledger-cli workplans/LCLI-WP-0001-b.md:7');
  });

  test('workplan ids are unique across the workspace; goal ids only within a repo', async () => {
    const goal = (id: string) => `---\nid: ${id}\ntype: goal\ntitle: Goal\nstatus: active\n---\n`;
    const found = await checkFiles({
      'ledger-api:workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', ''),
      'ledger-cli:workplans/LEDG-WP-0001-b.md': workplan('LEDG-WP-0001', ''),
      'ledger-api:goals/GOAL-1.md': goal('GOAL-1'),
      'ledger-cli:goals/GOAL-1.md': goal('GOAL-1'),
      'ledger-cli:goals/GOAL-1-again.md': goal('GOAL-1'),
    });
    expect(found.map((d) => [d.repo, d.file, d.line, d.column, d.rule_id])).toEqual([
      ['ledger-api', 'workplans/LEDG-WP-0001-a.md', 2, 5, 'task/duplicate-id'],
      ['ledger-cli', 'goals/GOAL-1-again.md', 2, 5, 'task/duplicate-id'],
      ['ledger-cli', 'goals/GOAL-1.md', 2, 5, 'task/duplicate-id'],
      ['ledger-cli', 'workplans/LEDG-WP-0001-b.md', 2, 5, 'task/duplicate-id'],
    ]);
    expect(found[1].message).toBe('Duplicate goal id `GOAL-1` in repo `ledger-cli`: also declared at ledger-cli goals/GOAL-1.md:1');
  });

  test('a task declared in the front-matter list and as a block of the same workplan is one task', async () => {
    const text = '---\nid: LEDG-WP-0001\ntasks:\n  - id: T01\n    status: todo\n---\n\n```task\nid: T01\nstatus: todo\n```\n';
    expect(await checkFiles({ 'workplans/LEDG-WP-0001-a.md': text })).toEqual([]);
  });
});

describe('dependencies', () => {
  test('a dependency on a task of another registered repo resolves; an unknown one is an error at its place', async () => {
    const found = await checkFiles({
      'ledger-api:workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', block('LEDG-WP-0001-T01', 'DOCS-7, NOPE-T99')),
      'ledger-cli:docs/tasks/DOCS-7-links.md': '---\nid: DOCS-7\nstatus: done\n---\n',
    });
    expect(positions(found)).toEqual([{ rule_id: 'dependency/unknown', line: 8, column: 22, end_line: 8, end_column: 30 }]);
    expect(found[0].message).toContain('`NOPE-T99`');
  });

  test('short ids resolve inside their workplan; a workplan id is not a task', async () => {
    const found = await checkFiles({
      'workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', `${block('T01')}${block('T02', 'T01, LEDG-WP-0002')}`),
      'workplans/LEDG-WP-0002-b.md': workplan('LEDG-WP-0002', ''),
    });
    expect(positions(found)).toEqual([{ rule_id: 'dependency/unknown', line: 13, column: 19, end_line: 13, end_column: 31 }]);
    expect(found[0].message).toBe('Unknown dependency `LEDG-WP-0002` of `LEDG-WP-0001-T02`: `LEDG-WP-0002` is a workplan, not a task; depend on one of its tasks');
  });

  test('a comma-separated depends_on string is reported at the whole value', async () => {
    const text = '---\nid: LEDG-WP-0001\n---\n\n```task\nid: LEDG-WP-0001-T01\ndepends_on: NOPE-1, NOPE-2\n```\n';
    expect(positions(await checkFiles({ 'workplans/LEDG-WP-0001-a.md': text }))).toEqual([
      { rule_id: 'dependency/unknown', line: 7, column: 13, end_line: 7, end_column: 27 },
      { rule_id: 'dependency/unknown', line: 7, column: 13, end_line: 7, end_column: 27 },
    ]);
  });

  test('single-repo mode: a dependency outside the repo is information, and the check passes', async () => {
    const found = await checkFiles({ 'workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', block('LEDG-WP-0001-T01', 'DOCS-7')) }, { mode: 'single-repo' });
    expect(found.map((d) => [d.rule_id, d.severity, d.line, d.column])).toEqual([['dependency/unresolved', 'info', 8, 14]]);
  });

  test('a cycle across two repos is reported at each member with the path of ids', async () => {
    const found = await checkFiles({
      'ledger-api:workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', block('A-1', 'B-1')),
      'ledger-cli:workplans/LCLI-WP-0001-b.md': workplan('LCLI-WP-0001', `${block('B-1', 'C-1')}${block('C-1', 'A-1')}`),
    });
    expect(found.map((d) => [d.repo, d.line, d.rule_id, d.message])).toEqual([
      ['ledger-api', 8, 'dependency/cycle', 'Dependency cycle: A-1 → B-1 → C-1 → A-1'],
      ['ledger-cli', 8, 'dependency/cycle', 'Dependency cycle: B-1 → C-1 → A-1 → B-1'],
      ['ledger-cli', 14, 'dependency/cycle', 'Dependency cycle: C-1 → A-1 → B-1 → C-1'],
    ]);
    expect(found[0].related?.map((r) => [r.repo, r.line])).toEqual([
      ['ledger-cli', 5],
      ['ledger-cli', 11],
    ]);
  });

  test('a long chain without a cycle is fine (no recursion limit)', async () => {
    const blocks = Array.from({ length: 5000 }, (_, i) => block(`CHAIN-${i}`, i === 0 ? '' : `CHAIN-${i - 1}`)).join('');
    expect(await checkFiles({ 'workplans/LEDG-WP-0001-a.md': workplan('LEDG-WP-0001', blocks) })).toEqual([]);
  }, 60_000);

  test('a file whose front-matter fails still provides its task ids to other files', async () => {
    const found = await checkFiles({
      'workplans/LEDG-WP-0001-a.md': '---\nid: LEDG-WP-0001\nstatus: [\n---\n\n```task\nid: LEDG-WP-0001-T01\n```\n',
      'workplans/LEDG-WP-0002-b.md': workplan('LEDG-WP-0002', block('LEDG-WP-0002-T01', 'LEDG-WP-0001-T01')),
    });
    expect(found.map((d) => [d.file, d.rule_id])).toEqual([['workplans/LEDG-WP-0001-a.md', 'frontmatter/parse']]);
  });
});

describe('settings and suppressions', () => {
  const text = [
    '---',
    'id: LEDG-WP-0001',
    'status: in-progress',
    '---',
    '',
    '<!-- custodian-disable-next-line status/alias -- tracked in LEDG-7 -->',
    '```task',
    'id: LEDG-WP-0001-T01',
    'status: wip',
    'priority: urgent',
    '```',
    '',
    '```task',
    'id: LEDG-WP-0001-T02',
    'status: wip',
    '# custodian-disable-next-line',
    'priority: urgent',
    '```',
    '',
    '```markdown',
    '<!-- custodian-disable status/alias -->',
    '```',
    '',
  ].join('\n');

  test('next-line comments cover the next line or the block it opens; YAML comments the next YAML line; examples in code do nothing', async () => {
    expect(positions(await checkFiles({ 'workplans/LEDG-WP-0001-a.md': text }))).toEqual([
      { rule_id: 'status/alias', line: 3, column: 9, end_line: 3, end_column: 20 },
      { rule_id: 'priority/invalid', line: 10, column: 11, end_line: 10, end_column: 17 },
      { rule_id: 'status/alias', line: 15, column: 9, end_line: 15, end_column: 12 },
    ]);
  });

  test('a file-level comment silences a rule everywhere in the file', async () => {
    const found = await checkFiles({ 'workplans/LEDG-WP-0001-a.md': `${text}\n<!-- custodian-disable status/alias, priority/invalid -->\n` });
    expect(found).toEqual([]);
  });

  test('severities from the registry: off drops a rule, other levels replace the default', async () => {
    const found = await checkFiles(
      { 'workplans/LEDG-WP-0001-a.md': text },
      { settings: { 'status/alias': 'off', 'priority/invalid': 'error' } },
    );
    expect(found.map((d) => [d.rule_id, d.severity, d.line])).toEqual([['priority/invalid', 'error', 10]]);
  });
});

test('diagnostics are sorted by repo, file, line, column, rule', async () => {
  const found = await checkFiles({
    'ledger-cli:workplans/b.md': '# no front-matter\n',
    'ledger-api:workplans/z.md': '# no front-matter\n',
    'ledger-api:workplans/a.md': '---\nid: LEDG-WP-0009\nstatus: wip\n---\n',
  });
  expect(found.map((d) => `${d.repo} ${d.file} ${d.line}:${d.column} ${d.rule_id}`)).toEqual([
    'ledger-api workplans/a.md 2:5 file/id-mismatch',
    'ledger-api workplans/a.md 3:9 schema/invalid',
    'ledger-api workplans/z.md 1:1 frontmatter/missing',
    'ledger-cli workplans/b.md 1:1 frontmatter/missing',
  ]);
});

describe('schema/invalid details', () => {
  test('a missing required id sits at the opening line, an empty one at its key; other empty values are absent', async () => {
    const goal = (body: string) => `---\n${body}type: goal\nowner:\nstatus: active\n---\n`;
    const found = await checkFiles({ 'goals/a.md': goal(''), 'goals/b.md': goal('id:\n') });
    expect(positions(found)).toEqual([
      { rule_id: 'schema/invalid', line: 1, column: 1, end_line: 1, end_column: 4 },
      { rule_id: 'schema/invalid', line: 2, column: 1, end_line: 2, end_column: 3 },
    ]);
    expect(found.map((d) => d.message)).toEqual(['Missing required key `id` on `goal`', 'Missing required key `id` on `goal`']);
  });

  test('types and lists: a goal priority must be an integer, affected repos a list, a number id is quoted', async () => {
    const found = await checkFiles({
      'goals/GOAL-1.md': '---\nid: GOAL-1\ntype: goal\npriority: high\n---\n',
      'interface-changes/IC-1.md': '---\nid: IC-1\ntype: interface-change\nchange_type: huge\naffected_repos: ledger-cli\n---\n',
      'workplans/42.md': '---\nid: 42\n---\n',
    });
    expect(found.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['goals/GOAL-1.md', 4, 11, '`priority` must be an integer (found `high`) on `GOAL-1`'],
      ['interface-changes/IC-1.md', 4, 14, '`change_type` must be one of breaking, additive, deprecation (found `huge`) on `IC-1`'],
      ['interface-changes/IC-1.md', 5, 17, '`affected_repos` must be a list (found `ledger-cli`) on `IC-1`'],
      ['workplans/42.md', 2, 5, '`id` must be a string (found `42`); quote it: `id: "42"` on `42`'],
    ]);
  });
});
