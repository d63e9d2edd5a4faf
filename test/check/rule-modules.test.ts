// The rule modules as data: each file's name is its id, every rule is documented, and the
// checked-in docs/rules.md is what the modules generate.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { formatMessage } from '../../src/check/messages.js';
import { renderRulesDoc } from '../../src/check/rule-docs.js';
import { RULES } from '../../src/check/rules/index.js';
import type { Rule } from '../../src/check/types.js';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

const RULES_DIR = join(PROJECT_ROOT, 'src', 'check', 'rules');

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? moduleFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

test("each rule module's id is its path under src/check/rules, and the table lists every module", async () => {
  const files = moduleFiles(RULES_DIR).filter((f) => !f.endsWith('index.ts'));
  const ids: string[] = [];
  for (const file of files) {
    const { rule } = (await import(file)) as { rule: Rule };
    const id = relative(RULES_DIR, file).replace(/\.ts$/, '').split('\\').join('/');
    expect(rule.meta.id).toBe(id);
    ids.push(id);
  }
  expect(RULES.map((r) => r.meta.id)).toEqual(ids.sort());
});

test("the rule set is exactly DESIGN's table", () => {
  expect(RULES.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable])).toEqual([
    ['date/invalid', 'warning', false],
    ['dependency/cycle', 'error', false],
    ['dependency/unknown', 'error', false],
    ['dependency/unresolved', 'info', false],
    ['file/id-mismatch', 'warning', false],
    ['file/scan-failed', 'error', false],
    ['file/unreadable', 'error', false],
    ['frontmatter/missing', 'warning', false],
    ['frontmatter/parse', 'error', false],
    ['frontmatter/unterminated', 'error', false],
    ['interface-change/unknown-repo', 'error', false],
    ['priority/invalid', 'warning', false],
    ['registry/unknown-domain', 'error', false],
    ['registry/unknown-repo', 'warning', false],
    ['schema/invalid', 'error', false],
    ['status/alias', 'warning', true],
    ['task/duplicate-id', 'error', false],
    ['task/missing-id', 'error', false],
    ['task/open-criteria', 'warning', false],
    ['task/parse', 'error', false],
    ['task/unterminated-fence', 'error', false],
    ['workplan/status-rollup', 'warning', true],
    ['workplan/task-list-mismatch', 'error', false],
  ]);
});

test('every rule has a one-line description and a docs paragraph; only parser rules lack a check', () => {
  for (const { meta, check } of RULES) {
    expect(meta.description, meta.id).toMatch(/^[A-Z`].{10,150}\.$/);
    expect(meta.description, meta.id).not.toContain('\n');
    expect(meta.docs.length, meta.id).toBeGreaterThan(200);
    expect(typeof check === 'function', meta.id).toBe(!meta.parser);
  }
});

test('every rule that checks words its findings with named messages; the parser rules have none', () => {
  for (const { meta } of RULES) {
    const ids = Object.keys(meta.messages);
    if (meta.parser) expect(ids, meta.id).toEqual([]);
    else expect(ids.length, meta.id).toBeGreaterThan(0);
    for (const template of Object.values(meta.messages)) expect(template, meta.id).toMatch(/^[A-Z`{]/);
  }
});

test("a message is the rule's template filled from the finding's data, and a hole is a bug, not a message", () => {
  const meta = { id: 'x/y', messages: { unknown: 'Unknown dependency `{{dependency}}` of `{{task}}`' } };
  expect(formatMessage(meta, 'unknown', { dependency: 'T9', task: 'WP-1-T01' })).toBe('Unknown dependency `T9` of `WP-1-T01`');
  expect(() => formatMessage(meta, 'missing', {})).toThrow('undeclared message id `missing`');
  expect(() => formatMessage(meta, 'unknown', { dependency: 'T9' })).toThrow('needs a value for `task`');
});

test('docs/rules.md is generated from the rule modules (run node scripts/gen-rules-doc.mjs after changing a rule)', () => {
  const checkedIn = readFileSync(join(PROJECT_ROOT, 'docs', 'rules.md'), 'utf8');
  expect(checkedIn).toBe(renderRulesDoc(RULES));
  for (const { meta } of RULES) expect(checkedIn).toContain(`<a id="${meta.id.replace('/', '-')}"></a>`);
});
