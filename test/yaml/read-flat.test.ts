// The flat-mapping fast path of readYaml must give exactly what the full readers give, or step aside.
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { CORE_12_SCHEMA } from '../../src/documents/yaml/jsyaml-schema.js';
import { readFlatMapping } from '../../src/documents/yaml/read-flat.js';
import { readYamlWithYaml2 } from '../../src/documents/yaml/read-yaml2.js';

// Tokens the fast path may take (many of them resolve to numbers, booleans or null) and tokens it
// must refuse or that change the meaning of a line.
const plausible = fc.constantFrom(
  'id', 'status', 'priority', 'depends_on', 'needs_human', 'title', 'a-b', '_x', 'y', 'todo', 'done', 'T01', 'WP-1-T01', '2026-02-28',
  '0', '007', '12', '+3', '-4', '1e3', '.5', '.inf', '-.Inf', '.nan', '0x1F', '0o14', '0b101', 'true', 'False', 'yes', 'no', 'a b', 'a,b',
  'a:b', '(p)', '/p/q', 'a  b', '.', '..', '+', 'Null', 'TRUE',
);
const hostile = fc.constantFrom(
  'True', 'null', 'NULL', 'constructor', '__proto__', '~', 'a: b', 'x:', ':x', '-', '- x', '?', '[a]', '"q"', '"a\\"b"', "'s'", '#c', 'a #c',
  '&a', '*a', '!t', '|', '>', '%', '@x', '`x`', '', ' ', 'é', '—',
);
const token = fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
const value = fc.oneof(
  token,
  fc.array(token, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
  token.map((t) => `"${t}"`),
);
const key = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('id', 'status', 'priority', 'depends_on', 'needs_human', 'title', 'a-b', '_x', 'y', 'k1', 'scope', 'risk') },
  { weight: 1, arbitrary: token },
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => (v === '' ? `${k}:` : `${k}: ${v}`)) },
  { weight: 1, arbitrary: fc.constantFrom('', '  indented: 1', '- item', '---', 'key:value', 'key : v', 'k:  two spaces', 'k: trailing ') },
);
const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('readFlatMapping', () => {
  test('whenever it answers, the answer equals js-yaml (core 1.2) and the yaml 2 reader', () => {
    let answered = 0;
    fc.assert(
      fc.property(text, (source) => {
        const flat = readFlatMapping(source);
        if (flat === null) return;
        answered++;
        const twin = readYamlWithYaml2(source);
        expect(twin).toEqual({ ok: true, value: flat.value });
        expect(jsyaml.load(source, { schema: CORE_12_SCHEMA })).toEqual(flat.value);
      }),
      { seed: 20261124, numRuns: 20_000 },
    );
    // The comparison must bite: a good share of the generated texts take the fast path.
    expect(answered).toBeGreaterThan(2_000);
  }, 120_000);

  test('answers for typical task blocks and steps aside for anything else', () => {
    expect(readFlatMapping('id: WP-1-T01\nstatus: in_progress\npriority: high\ndepends_on: [WP-1-T00, OTHER-9]\nneeds_human: true\n')).toEqual({
      ok: true,
      value: { id: 'WP-1-T01', status: 'in_progress', priority: 'high', depends_on: ['WP-1-T00', 'OTHER-9'], needs_human: true },
    });
    expect(readFlatMapping('id: X\ncreated: "2026-02-28"\nupdated: 2026-03-01\npriority: 2\n')).toEqual({
      ok: true,
      value: { id: 'X', created: '2026-02-28', updated: '2026-03-01', priority: 2 },
    });
    for (const other of ['id: X\ntasks:\n  - id: T01', 'id: X\nid: Y', '__proto__: 1', 'a: &x 1', 'a: b # c', "a: 'q'", 'title: Café', '', 'id: X\n---\nb: 1']) {
      expect(readFlatMapping(other)).toBeNull();
    }
  });
});
