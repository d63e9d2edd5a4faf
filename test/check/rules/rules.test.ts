// Every rule against its fixtures: ok.md yields none of the rule's diagnostics, not-ok.md yields
// exactly these, by rule id and position (the wording is free to change).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../src/check/rules/index.js';
import type { WorkspaceMode } from '../../../src/workspace/types.js';
import { checkFiles, fixture, positions, RULE_FIXTURES } from '../harness.js';

interface RuleCase {
  /** Where the fixture lives in the repo (its folders decide the kind; its name matters to file/id-mismatch). */
  as?: string;
  mode?: WorkspaceMode;
  /** [line, column, end_line, end_column] of each diagnostic of not-ok.md. */
  notOk: [number, number, number, number][];
  /** Ids the messages must name, in order. */
  names?: string[];
}

const WORKPLAN = 'workplans/LEDG-WP-0100-ledger-exports.md';

const CASES: Record<string, RuleCase> = {
  'file/unreadable': { notOk: [[5, 4, 5, 4]] },
  'file/scan-failed': { notOk: [[19, 1, 19, 2542]] },
  'frontmatter/missing': { notOk: [[1, 1, 1, 1]] },
  'frontmatter/unterminated': { notOk: [[1, 1, 1, 4]] },
  'frontmatter/parse': { notOk: [[4, 1, 4, 1]] },
  'task/parse': { notOk: [[9, 14, 9, 14]] },
  'task/unterminated-fence': { notOk: [[7, 1, 11, 33]] },
  'task/missing-id': { notOk: [[7, 1, 7, 1]] },
  'schema/invalid': {
    notOk: [
      [3, 8, 3, 18],
      [4, 9, 4, 17],
      [11, 14, 11, 19],
      [12, 9, 12, 16],
    ],
  },
  'task/duplicate-id': {
    notOk: [
      [8, 5, 8, 21],
      [15, 5, 15, 21],
    ],
    names: ['LEDG-WP-0100-T01', 'LEDG-WP-0100-T01'],
  },
  'status/alias': {
    notOk: [
      [3, 9, 3, 20],
      [7, 13, 7, 17],
      [16, 9, 16, 17],
    ],
  },
  'priority/invalid': { notOk: [[9, 11, 9, 17]] },
  'dependency/unknown': { notOk: [[15, 19, 15, 35]], names: ['LEDG-WP-0100-T09'] },
  'dependency/cycle': {
    notOk: [
      [6, 18, 6, 21],
      [9, 18, 9, 21],
      [13, 9, 13, 12],
    ],
    names: ['LEDG-WP-0100-T01 → LEDG-WP-0100-T02 → LEDG-WP-0100-T01', 'LEDG-WP-0100-T02 → LEDG-WP-0100-T01 → LEDG-WP-0100-T02', 'LEDG-WP-0100-T03 → LEDG-WP-0100-T03'],
  },
  'dependency/unresolved': { mode: 'single-repo', notOk: [[10, 5, 10, 21]], names: ['DOCS-WP-0001-T01'] },
  'workplan/status-rollup': { notOk: [[3, 9, 3, 15]], names: ['LEDG-WP-0100'] },
  'workplan/task-list-mismatch': {
    notOk: [
      [6, 9, 6, 12],
      [14, 9, 14, 13],
      [20, 5, 20, 8],
    ],
    names: ['LEDG-WP-0100-T02', 'LEDG-WP-0100-T01', 'LEDG-WP-0100-T03'],
  },
  'registry/unknown-domain': { notOk: [[3, 9, 3, 17]], names: ['paymentz'] },
  'registry/unknown-repo': { notOk: [[3, 7, 3, 17]], names: ['ledger-cli'] },
  'file/id-mismatch': { notOk: [[2, 5, 2, 17]], names: ['LEDG-WP-0101'] },
  'date/invalid': {
    notOk: [
      [4, 10, 4, 20],
      [5, 12, 5, 22],
      [10, 10, 10, 19],
    ],
  },
  'task/open-criteria': { as: 'docs/tasks/LEDG-42-rotate-keys.md', notOk: [[10, 3, 10, 6]], names: ['LEDG-42'] },
  'interface-change/unknown-repo': { as: 'interface-changes/IC-7-currency.md', notOk: [[9, 30, 9, 37]], names: ['billing'] },
};

describe.each(Object.entries(CASES))('%s', (ruleId, c) => {
  const run = (name: string) => checkFiles({ [c.as ?? WORKPLAN]: fixture(ruleId, name) }, { mode: c.mode });

  test('ok.md: no diagnostic of the rule', async () => {
    expect(positions(await run('ok.md'), ruleId)).toEqual([]);
  });

  test('not-ok.md: exactly these positions', async () => {
    const found = (await run('not-ok.md')).filter((d) => d.rule_id === ruleId);
    expect(positions(found)).toEqual(c.notOk.map(([line, column, end_line, end_column]) => ({ rule_id: ruleId, line, column, end_line, end_column })));
    if (c.names) c.names.forEach((name, i) => expect(found[i].message).toContain(name));
  });
});

test('every rule has ok.md, not-ok.md and a case above, and nothing else is there', () => {
  const ids = RULES.map((r) => r.meta.id).sort();
  expect(Object.keys(CASES).sort()).toEqual(ids);
  for (const id of ids) {
    expect(existsSync(join(RULE_FIXTURES, id, 'ok.md')), id).toBe(true);
    expect(existsSync(join(RULE_FIXTURES, id, 'not-ok.md')), id).toBe(true);
  }
  const folders = readdirSync(RULE_FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((group) => readdirSync(join(RULE_FIXTURES, group.name)).map((name) => `${group.name}/${name}`));
  expect(folders.sort()).toEqual(ids);
});
