// The parser-free locator must agree with locateKey (yaml 2) wherever it answers, and decline
// whatever it cannot read for sure.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fastLocate } from '../../src/check/fast-locate.js';
import { locateKey } from '../../src/documents/yaml/locate.js';
import { readYaml } from '../../src/documents/yaml/read.js';

function slow(yaml: string, key: string) {
  const found = locateKey(yaml, [key]);
  if (!found) return null;
  const span = found.value && (found.value.end > found.value.start || !found.key) ? found.value : (found.key ?? found.value);
  return span ? { start: span.start, end: span.end } : null;
}

test('answers the plain cases exactly as locateKey does', () => {
  const yaml = 'id: LEDG-WP-0001\r\nstatus:   wip  \r\nempty:\r\ncreated: 2026-01-02T10:00:00Z\r\n';
  for (const key of ['id', 'status', 'empty', 'created']) expect(fastLocate(yaml, key)).toEqual(slow(yaml, key));
  expect(fastLocate(yaml, 'status')).toEqual({ start: 28, end: 31 });
});

test('declines what it cannot be sure of', () => {
  expect(fastLocate('status: "wip"\n', 'status')).toBeNull();
  expect(fastLocate('status: wip # later\n', 'status')).toBeNull();
  expect(fastLocate('tags: [a, b]\n', 'tags')).toBeNull();
  expect(fastLocate('tasks:\n  - id: T01\n', 'tasks')).toBeNull();
  expect(fastLocate('meta:\n  status: x\n', 'meta')).toBeNull();
  expect(fastLocate('a: 1\na: 2\n', 'a')).toBeNull();
  expect(fastLocate('id: x\n', 'missing')).toBeNull();
});

const scalar = fc.oneof(
  fc.constantFrom('', 'wip', 'done', '2026-02-28', '12:30', 'a b c', '"quoted"', "'single'", '[x, y]', '{a: 1}', 'x # c', '|', '>-', '&a x', '*a', '!!str x', 'a: b', '- x', '~', 'null'),
  fc.stringMatching(/^[A-Za-z0-9 _.:#'"\-[\]{},]{0,12}$/),
);
const line = fc.tuple(fc.constantFrom('id', 'status', 'title', 'x', 'created'), fc.constantFrom(':', ': ', ':  ', ':\t'), scalar, fc.constantFrom('', '  ', '\n  nested: 1', '\n  - item'));

test('property: wherever it answers, it agrees with locateKey', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('id', 'status', 'title', 'x', 'created'), (lines, eol, key) => {
      const yaml = lines.map(([k, sep, v, tail]) => `${k}${sep}${v}${tail}`).join(eol).replace(/\n/g, eol === '\r\n' ? '\r\n' : '\n') + eol;
      const fast = fastLocate(yaml, key);
      if (fast === null) return true;
      // Text the parser rejects (or that is not a mapping) never reaches a rule.
      const read = readYaml(yaml);
      if (!read.ok || read.value === null || typeof read.value !== 'object' || Array.isArray(read.value)) return true;
      expect(fast).toEqual(slow(yaml, key));
      return true;
    }),
    { numRuns: 3000 },
  );
});
