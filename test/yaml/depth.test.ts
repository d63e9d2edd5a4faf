// Nesting: both readers count written collections (MAX_YAML_DEPTH = 100), reject deeper ones at
// the first collection past the limit, and never recurse far enough to overflow the stack.
import { describe, expect, test } from 'vitest';
import { MAX_YAML_DEPTH } from '../../src/documents/yaml/limits.js';
import { readYaml } from '../../src/documents/yaml/read.js';
import { readYamlWithYaml2 } from '../../src/documents/yaml/read-yaml2.js';
import type { YamlReadResult } from '../../src/documents/yaml/types.js';

const READERS = { readYaml, readYamlWithYaml2 } as const;

function where(result: YamlReadResult): string {
  return result.ok ? 'ok' : `${result.problem.kind} ${result.problem.line}:${result.problem.column}`;
}

function nestedBlockMappings(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
}

describe.each(Object.entries(READERS))('%s', (_name, read) => {
  test('the limit is 100', () => expect(MAX_YAML_DEPTH).toBe(100));

  test.each([
    ['[[[[…', '['.repeat(20_000), 'too-deep 1:101'],
    ['- - - -…', '- '.repeat(20_000) + 'x', 'too-deep 1:201'],
    // 20,000 levels of `{a: ` take 80,000 bytes; 16,000 is as deep as fits under the size limit.
    ['{a: {a: …', '{a: '.repeat(16_000), 'too-deep 1:401'],
    ['{a: {a: … (20,000)', '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000), 'too-large 1:1'],
    ['a:\\n a:\\n  a: …', nestedBlockMappings(300), 'too-deep 101:101'],
  ])('rejects 20,000-deep %s quickly', (_style, text, expected) => {
    const started = performance.now();
    expect(where(read(text))).toBe(expected);
    // A generous bound; a stack overflow or yaml's slow path on deep input would take far longer.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test.each([
    ['flow sequences', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['block sequences', (n: number) => '- '.repeat(n) + 'x\n'],
    ['flow mappings', (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n)],
    ['block mappings', nestedBlockMappings],
    ['mixed', (n: number) => 'k:\n' + '  - '.repeat(n - 2) + '[x]\n'],
  ])('accepts 100 nested %s and rejects 101', (_style, nest) => {
    expect(where(read(nest(100)))).toBe('ok');
    expect(where(read(nest(101)))).toMatch(/^too-deep /);
  });

  test('does not count an implicit pair in a flow sequence as a level', () => {
    const text = '['.repeat(99) + 'a: [x]' + ']'.repeat(99);
    expect(where(read(text))).toBe('ok');
  });

  test('reports the first collection past the limit, even when a later branch goes deeper', () => {
    // The root mapping is level 1, so the 100th `[` (column 103) is level 101.
    const text = `a: ${'['.repeat(101)}${']'.repeat(101)}\nb: ${'['.repeat(300)}\n`;
    expect(where(read(text))).toBe('too-deep 1:103');
  });
});
