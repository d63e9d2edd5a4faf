// The flat-mapping fast path of readYaml must give exactly what the full readers give, or step aside.
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { core12Schema } from '../../src/documents/yaml/jsyaml-schema.js';
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
// A key holding a block sequence of flat mappings (a front-matter's task list), mostly well formed:
// one indentation for every entry, their other keys aligned under the first; now and then an entry,
// a key or a blank line out of place.
const indent = fc.constantFrom('', ' ', '  ', '    ');
const entryLine = fc.tuple(key, value).map(([k, v]) => (v === '' ? `${k}:` : `${k}: ${v}`));
const sequenceItem = fc.tuple(entryLine, fc.array(entryLine, { maxLength: 3 }));
const misplaced = fc.constantFrom('', ' x: 1', '   y: 2', '-', '- ', '-  z: 3', '  - q', '      deep: 1', '---', '...', 'top: 1');
const sequence = fc
  .tuple(key, indent, fc.array(sequenceItem, { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(misplaced, fc.nat(9)), { freq: 4 }))
  .map(([k, ind, items, stray]) => {
    const lines = [`${k}:`, ...items.flatMap(([first, more]) => [`${ind}- ${first}`, ...more.map((m) => `${ind}  ${m}`)])];
    if (stray) lines.splice(1 + (stray[1] % lines.length), 0, stray[0]);
    return lines.join('\n');
  });
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: sequence }), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.join('\n'));

describe('readFlatMapping', () => {
  test('whenever it answers, the answer equals js-yaml (core 1.2) and the yaml 2 reader', () => {
    let answered = 0;
    let answeredLists = 0;
    fc.assert(
      fc.property(text, (source) => {
        const flat = readFlatMapping(source);
        if (flat === null) return;
        answered++;
        if (Object.values(flat.value).some((v) => Array.isArray(v) && typeof v[0] === 'object')) answeredLists++;
        const twin = readYamlWithYaml2(source);
        expect(twin).toEqual({ ok: true, value: flat.value });
        expect(jsyaml.load(source, { schema: core12Schema() })).toEqual(flat.value);
      }),
      { seed: 20261124, numRuns: 20_000 },
    );
    // The comparison must bite: a good share of the generated texts take the fast path.
    expect(answered).toBeGreaterThan(2_000);
    expect(answeredLists).toBeGreaterThan(300);
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
    expect(readFlatMapping('id: WP-1\ntasks:\n  - id: T01\n    status: done\n\n  - id: T02\n    depends_on: [T01]\nowner: team-1\n')).toEqual({
      ok: true,
      value: { id: 'WP-1', tasks: [{ id: 'T01', status: 'done' }, { id: 'T02', depends_on: ['T01'] }], owner: 'team-1' },
    });
    expect(readFlatMapping('tasks:\n- id: T01\n  title: compact form\n')).toEqual({ ok: true, value: { tasks: [{ id: 'T01', title: 'compact form' }] } });
    const doubtful = [
      'tasks:\n  - id: T01\n   status: done', // a key neither aligned with the entry's first nor starting an entry
      'tasks:\n  - id: T01\n      status: done', // deeper: a plain scalar's continuation in YAML
      'tasks:\n  - id:\n    status: done', // an entry's key with no value
      'tasks:\n  - id: T01\n    id: T02', // a duplicate key within an entry
      'tasks:\n  - T01\n  - T02', // a sequence of scalars
      'tasks:\n  -  id: T01', // the entry's mapping indented further
      'tasks:\n  - id: T01\n  -', // an empty entry
      'tasks:\n  - id: T01\n - id: T02', // an entry at another indentation
      'meta:\n  a: 1', // a nested mapping
    ];
    for (const other of [...doubtful, 'id: X\nid: Y', '__proto__: 1', 'a: &x 1', 'a: b # c', "a: 'q'", 'title: Café', '', 'id: X\n---\nb: 1']) {
      expect(readFlatMapping(other)).toBeNull();
    }
  });
});
