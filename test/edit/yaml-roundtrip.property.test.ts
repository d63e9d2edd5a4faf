import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { applyEdits, yamlSetValue } from '../../src/edit/index.js';

// Any string, including control characters, quotes, `#`, `: `, line breaks and astral characters.
const anyString = fc.string({ unit: 'binary', maxLength: 24 });
const anyScalar = fc.oneof(anyString, fc.integer(), fc.double(), fc.constant(-0), fc.boolean(), fc.constant(null));

const contexts = [
  { name: 'plain block value', yaml: 'k: v # note\nother: 1\n', path: ['k'], suffix: ' # note\nother: 1\n' },
  { name: 'double-quoted value', yaml: 'k: "v" # note\n', path: ['k'], suffix: ' # note\n' },
  { name: "single-quoted value", yaml: "k: 'v' # note\n", path: ['k'], suffix: ' # note\n' },
  { name: 'flow mapping value', yaml: 'm: {k: v, z: 1} # note\n', path: ['m', 'k'], suffix: ', z: 1} # note\n' },
  { name: 'flow sequence item', yaml: 'l: [v, 2] # note\n', path: ['l', 0], suffix: ', 2] # note\n' },
  { name: 'new key', yaml: 'a: 1 # note\n', path: ['k'], suffix: '\n' },
];

describe.each(contexts)('any value written to a $name reads back as exactly that value', ({ yaml, path, suffix }) => {
  test('round trip, with every byte after the value kept', () => {
    fc.assert(
      fc.property(anyScalar, (value) => {
        const after = applyEdits(yaml, yamlSetValue(yaml, path, value)).text;
        let read: unknown = parse(after, { schema: 'core' });
        for (const segment of path) read = (read as Record<string | number, unknown>)[segment];
        expect(Object.is(read, value)).toBe(true);
        expect(after.endsWith(suffix)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
