// Both readers on the inputs DESIGN calls out: each hostile construct rejected with its kind and
// its line and column inside the YAML text, and ordinary front-matter read as plain data.
import { describe, expect, test } from 'vitest';
import { readYaml } from '../../src/documents/yaml/read.js';
import { readYamlWithYaml2 } from '../../src/documents/yaml/read-yaml2.js';
import type { YamlProblemKind, YamlReadResult } from '../../src/documents/yaml/types.js';

const READERS = { readYaml, readYamlWithYaml2 } as const;

function problemOf(result: YamlReadResult): { kind: YamlProblemKind; line: number; column: number } {
  if (result.ok) throw new Error(`expected a problem, read ${JSON.stringify(result.value)}`);
  const { kind, line, column } = result.problem;
  return { kind, line, column };
}

function valueOf(result: YamlReadResult): unknown {
  if (!result.ok) throw new Error(`expected a value, got ${result.problem.kind} at ${result.problem.line}:${result.problem.column}: ${result.problem.message}`);
  return result.value;
}

const REJECTED: Array<[string, string, YamlProblemKind, number, number | null]> = [
  ['an anchor', 'title: x\nbase: &b {a: 1}\n', 'anchor', 2, 7],
  ['an alias to an anchor', 'a: &x 1\nb: *x\n', 'anchor', 1, 4],
  ['an alias with no anchor', 'a: 1\nb: *x\n', 'alias', 2, 4],
  ['an alias in a flow sequence', 'a: [1, *x]\n', 'alias', 1, 8],
  ['a core tag', 'a: !!str 12\n', 'tag', 1, 4],
  ['an unknown tag', 'a: !custom x\n', 'tag', 1, 4],
  ['a binary tag', 'a: !!binary aGVsbG8=\n', 'tag', 1, 4],
  ['a tag on a mapping', 'a: !!map\n  b: 1\n', 'tag', 1, 4],
  ['the non-specific tag', 'a: ! x\n', 'tag', 1, 4],
  ['a verbatim tag', 'a: !<tag:yaml.org,2002:str> x\n', 'tag', 1, 4],
  ['a merge key', 'base: {a: 1}\nderived:\n  <<: {b: 2}\n', 'merge-key', 3, 3],
  ['a quoted merge key', '"<<": 1\n', 'merge-key', 1, 1],
  ['__proto__ at the top', 'id: X\n__proto__: {polluted: true}\n', 'forbidden-key', 2, 1],
  ['constructor at depth 3', 'a:\n  b:\n    - constructor: 1\n', 'forbidden-key', 3, 7],
  ['prototype in a flow mapping', 'a: {x: 1, prototype: 2}\n', 'forbidden-key', 1, 11],
  ['__proto__ spelled with an escape', '"__pro\\x74o__": 1\n', 'forbidden-key', 1, 1],
  ['a forbidden key in a flow pair', 'a: [constructor: 1]\n', 'forbidden-key', 1, 5],
  ['a duplicate key at depth 2', 'id: X\nmeta:\n  owner: a\n  owner: b\n', 'duplicate-key', 4, 3],
  ['keys equal once read ("1" and 1)', '1: a\n"1": b\n', 'duplicate-key', 2, 1],
  ['a duplicate in a flow mapping', '{a: 1, a: 2}\n', 'duplicate-key', 1, 8],
  ['a second document', 'a: 1\n---\nb: 2\n', 'syntax', 2, 1],
  ['a second document after "..."', 'a: 1\n...\nb: 2\n', 'syntax', 3, 1],
  ['a directive', '%YAML 1.2\n---\na: 1\n', 'syntax', 1, 1],
  ['a scalar as the document', 'just words\n', 'syntax', 1, 1],
  ['a block scalar as the document', '--- |\n  text\n', 'syntax', 1, 5],
  ['a sequence as a key', '[a, b]: 1\n', 'syntax', 1, 1],
  ['a mapping as an explicit key', '? {a: 1}\n: b\n', 'syntax', 1, 3],
  ['a missing key', ': x\n', 'syntax', 1, 1],
  ['a comment glued to a quote', 'a: "x"# c\n', 'syntax', 1, 7],
  ['a mapping on its key line', 'a: &x b: c\n', 'syntax', 1, 4],
  ['a control character', 'a: "x\u0007"\n', 'syntax', 1, 6],
  ['a lone surrogate', 'a: x\ud800y\n', 'syntax', 1, 5],
  ['tab indentation', 'a:\n\t- b\n', 'syntax', 2, 1],
  // The two libraries place this syntax error one column apart.
  ['a broken mapping', 'title: x\nstatus: a: b\n', 'syntax', 2, null],
];

describe.each(Object.entries(READERS))('%s', (_name, read) => {
  test.each(REJECTED)('rejects %s', (_what, text, kind, line, column) => {
    const problem = problemOf(read(text));
    expect(problem.kind).toBe(kind);
    expect(problem.line).toBe(line);
    if (column !== null) expect(problem.column).toBe(column);
  });

  test('reads dates as strings and numbers in every core spelling', () => {
    const text = [
      'created: 2026-02-28',
      'updated: 2026-02-28T10:00:00Z',
      'octal: 0o14',
      'hex: 0x1F',
      'exp: 1e3',
      'inf: .inf',
      'minus_inf: -.Inf',
      'plus: +12',
      'leading_zero: 012',
      'half: +.5',
      'underscored: 1_000',
      'binary: 0b101',
      'signed_hex: -0x1F',
      'yes_word: yes',
      'True_word: True',
      'upper: TRUE',
      'tilde: ~',
      'empty:',
      'Null_word: Null',
      '1: number key',
      'null: null key',
    ].join('\n');
    const value = valueOf(read(text)) as Record<string, unknown>;
    expect(value).toEqual({
      created: '2026-02-28',
      updated: '2026-02-28T10:00:00Z',
      octal: 12,
      hex: 31,
      exp: 1000,
      inf: Infinity,
      minus_inf: -Infinity,
      plus: 12,
      leading_zero: 12,
      half: 0.5,
      underscored: '1_000',
      binary: '0b101',
      signed_hex: '-0x1F',
      yes_word: 'yes',
      True_word: true,
      upper: true,
      tilde: null,
      empty: null,
      Null_word: null,
      '1': 'number key',
      null: 'null key',
    });
    expect(Number.isNaN((valueOf(read('nan: .nan')) as { nan: number }).nan)).toBe(true);
    expect(Object.is((valueOf(read('zero: -0')) as { zero: number }).zero, -0)).toBe(true);
  });

  test('reads CRLF and lone CR line ends without a \\r in any value', () => {
    const text = 'a: x\r\nb: |\r\n  l1\r\n  l2\r\nc: "q\r\n  r"\r\nd: >-\r\n  f1\r\n  f2\r\n';
    expect(valueOf(read(text))).toEqual({ a: 'x', b: 'l1\nl2\n', c: 'q r', d: 'f1 f2' });
    expect(valueOf(read('a: x\rb: |\r  l1\r  l2\r'))).toEqual({ a: 'x', b: 'l1\nl2\n' });
  });

  test('reads empty, blank and comment-only text as null', () => {
    for (const text of ['', '   \n\t\n', '# only a comment\n  # and another', '---\n', '---\n...\n']) {
      expect(valueOf(read(text))).toBeNull();
    }
  });

  test('reads an empty list item and the item after it as yaml does', () => {
    const text = 'tasks:\n  - id: T01\n    deps:\n      -\n  - id: T02\n';
    expect(valueOf(read(text))).toEqual({ tasks: [{ id: 'T01', deps: [null] }, { id: 'T02' }] });
    expect(valueOf(read('a:\n  - - x\n    -\n  - y\n'))).toEqual({ a: [['x', null], 'y'] });
  });

  test('keeps prose that only looks like YAML syntax', () => {
    const text = 'title: "R&D: compare *both* readers!"\nnote: Why not? Ship it & see\nrefs: [a#b, c]\n';
    expect(valueOf(read(text))).toEqual({ title: 'R&D: compare *both* readers!', note: 'Why not? Ship it & see', refs: ['a#b', 'c'] });
  });

  test('builds plain objects with own data keys only, and touches no prototype', () => {
    const value = valueOf(read('a:\n  b: [1, {c: 2}]\nconstructor_name: x\nvalue: constructor\n')) as Record<string, unknown>;
    const objects = [value, value.a as object, ((value.a as { b: unknown[] }).b[1]) as object];
    for (const object of objects) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      for (const key of Object.keys(object)) expect(Object.getOwnPropertyDescriptor(object, key)).toHaveProperty('value');
    }
    expect(problemOf(read('__proto__: {polluted: true}\n')).kind).toBe('forbidden-key');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test('never runs a !!js/function', () => {
    const text = 'title: x\nrun: !!js/function >\n  function(){ globalThis.yamlPwned = true; return 1; }\n';
    expect(problemOf(read(text))).toEqual({ kind: 'tag', line: 2, column: 6 });
    expect((globalThis as { yamlPwned?: boolean }).yamlPwned).toBeUndefined();
  });

  test('rejects the billion laughs at its first anchor, without expanding it', () => {
    const levels = 'abcdefghi'.split('');
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels.length; i++) lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`);
    const started = performance.now();
    expect(problemOf(read(lines.join('\n')))).toEqual({ kind: 'anchor', line: 1, column: 4 });
    // A generous bound: expanding it would take minutes and gigabytes.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('rejects a 65 KiB block before parsing it, at line 1 column 1', () => {
    const text = `a: "${'x'.repeat(65 * 1024)}"`;
    expect(problemOf(read(text))).toEqual({ kind: 'too-large', line: 1, column: 1 });
    // The limit counts UTF-8 bytes: 22,000 three-byte characters are 66,000 bytes.
    expect(problemOf(read(`a: ${'€'.repeat(22_000)}`)).kind).toBe('too-large');
    expect(valueOf(read(`a: ${'€'.repeat(20_000)}`))).toEqual({ a: '€'.repeat(20_000) });
  });

  test('counts columns in UTF-16 code units', () => {
    // "😀" is two UTF-16 code units, so the alias after it starts at column 12, not 11.
    expect(problemOf(read('a: [😀, 1, *x]\n'))).toEqual({ kind: 'alias', line: 1, column: 12 });
  });
});
