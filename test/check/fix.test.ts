// --fix as text in, text out: canonical statuses and the active → completed rollup, only the
// fixed spans changing, to a fixpoint, never in a file the parser rejects.
import { describe, expect, test } from 'vitest';
import { checkFiles, fixFile, fixture, positions } from './harness.js';

const PATH = 'workplans/LEDG-WP-0100-ledger-exports.md';

describe('fixes are data', () => {
  test('a fixable diagnostic carries its edits ({start, end, text}); applying them is the first pass of --fix', async () => {
    const text = fixture('status/alias', 'not-ok.md').toString('utf8');
    const diagnostics = await checkFiles({ [PATH]: text });
    const aliases = diagnostics.filter((d) => d.rule_id === 'status/alias');
    expect(aliases.every((d) => d.fixable && d.fix !== undefined)).toBe(true);
    for (const d of aliases) {
      for (const edit of d.fix!) expect(['active', 'in_progress', 'done', 'completed', 'todo', 'blocked', 'cancelled']).toContain(edit.text);
      // Each edit replaces exactly the alias as written, at the diagnostic's position.
      const [edit] = d.fix!;
      expect(d.message).toContain(`\`${text.slice(edit.start, edit.end)}\``);
    }
    expect(diagnostics.filter((d) => !d.fixable).every((d) => d.fix === undefined)).toBe(true);
  });
});

describe('status/alias and workplan/status-rollup fixes', () => {
  test('aliases become canonical in the front-matter, list items and blocks; the rollup closes the plan with a date', async () => {
    const fixed = await fixFile(PATH, fixture('status/alias', 'not-ok.md').toString('utf8'));
    expect(fixed).toBe(
      [
        '---',
        'id: LEDG-WP-0100',
        'status: completed',
        'completed: 2026-11-24',
        'tasks:',
        '  - id: T01',
        '    title: Export format',
        '    status: done',
        '---',
        '',
        '# Ledger exports',
        '',
        '## Export format',
        '',
        '```task',
        'id: T01',
        'status: done',
        '```',
        '',
      ].join('\n'),
    );
    expect(await checkFiles({ [PATH]: fixed })).toEqual([]);
  });

  test('the rollup keeps the comment and writes the date quoted like its neighbours', async () => {
    const fixed = await fixFile(PATH, fixture('workplan/status-rollup', 'not-ok.md').toString('utf8'));
    expect(fixed.split('\n').slice(0, 6)).toEqual(['---', 'id: LEDG-WP-0100', 'status: completed # every task is closed', 'completed: "2026-11-24"', 'updated: "2026-10-03"', '---']);
  });

  test('a workplan without status gets `status: completed` after its id, and its completed date kept', async () => {
    const text = '---\nid: LEDG-WP-0100\ntitle: Exports\ncompleted: 2026-10-01\n---\n\n```task\nid: LEDG-WP-0100-T01\nstatus: done\n```\n';
    expect(await fixFile(PATH, text)).toBe('---\nid: LEDG-WP-0100\nstatus: completed\ntitle: Exports\ncompleted: 2026-10-01\n---\n\n```task\nid: LEDG-WP-0100-T01\nstatus: done\n```\n');
  });

  test('a completed workplan with open tasks is reported but never reopened by a fix', async () => {
    const text = '---\nid: LEDG-WP-0100\nstatus: completed\n---\n\n```task\nid: LEDG-WP-0100-T01\nstatus: todo\n```\n';
    const found = await checkFiles({ [PATH]: text });
    expect(positions(found)).toEqual([{ rule_id: 'workplan/status-rollup', line: 3, column: 9, end_line: 3, end_column: 18 }]);
    expect(found[0].fixable).toBe(false);
    expect(await fixFile(PATH, text)).toBe(text);
  });

  test('CRLF line endings, quoting, comments and a block quote prefix are kept; only the value changes', async () => {
    const text = [
      '---',
      'id: "LEDG-WP-0100"   # quoted on purpose',
      "status: 'in-progress'",
      '---',
      '',
      '> ```task',
      '> id: LEDG-WP-0100-T01',
      '> status: wip  # started Monday',
      '> ```',
      '',
    ].join('\r\n');
    const fixed = await fixFile(PATH, text);
    expect(fixed).toBe(text.replace("'in-progress'", "'active'").replace('status: wip ', 'status: in_progress '));
  });

  test('a task file: the status in its front-matter', async () => {
    const text = '---\nid: LEDG-43\nname: Fix the flaky test\nstatus: WIP\n---\n\n## Description\n\nFlaky.\n';
    expect(await fixFile('docs/tasks/LEDG-43-flaky.md', text)).toBe(text.replace('status: WIP', 'status: in_progress'));
  });

  test('fixing is idempotent: a second pass over the output changes nothing', async () => {
    for (const [rule, name] of [
      ['status/alias', 'not-ok.md'],
      ['workplan/status-rollup', 'not-ok.md'],
      ['workplan/task-list-mismatch', 'ok.md'],
    ]) {
      const once = await fixFile(PATH, fixture(rule, name).toString('utf8'));
      expect(await fixFile(PATH, once)).toBe(once);
    }
  });

  test('a file with a parse error is never fixed', async () => {
    const text = '---\nid: LEDG-WP-0100\nstatus: in-progress\n---\n\n```task\nid: LEDG-WP-0100-T01\nstatus: [wip\n```\n';
    const found = await checkFiles({ [PATH]: text });
    expect(found.map((d) => [d.rule_id, d.fixable])).toEqual([
      ['status/alias', false],
      ['task/parse', false],
    ]);
    expect(await fixFile(PATH, text)).toBe(text);
  });

  test('a suppressed or disabled finding is not fixed', async () => {
    const text = '---\nid: LEDG-WP-0100\n---\n\n<!-- custodian-disable-next-line status/alias -->\n```task\nid: LEDG-WP-0100-T01\nstatus: wip\n```\n\n```task\nid: LEDG-WP-0100-T02\nstatus: wip\n```\n';
    expect(await fixFile(PATH, text)).toBe(text.replace(/status: wip\n```\n$/, 'status: in_progress\n```\n'));
    expect(await fixFile(PATH, text, { settings: { 'status/alias': 'off' } })).toBe(text);
  });
});
