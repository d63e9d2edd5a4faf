import { describe, expect, test } from 'vitest';
import { applyEdits, yamlGetScalar, yamlSetValue } from '../../src/edit/index.js';
import type { ScalarValue, YamlSetOptions } from '../../src/edit/index.js';
import { CustodianError } from '../../src/errors.js';

/** The YAML text after setting `path` to `value`. */
function set(yaml: string, path: (string | number)[], value: ScalarValue, options?: YamlSetOptions): string {
  return applyEdits(yaml, yamlSetValue(yaml, path, value, options)).text;
}

function errorOf(fn: () => unknown): CustodianError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustodianError) return error;
    throw error;
  }
  throw new Error('expected a CustodianError');
}

const TASK = 'id: PLAT-WP-0012-T03\nstatus: todo   # claimed by nobody yet\npriority: high\ndepends_on: [T01, T02]\n';

describe('changing a value', () => {
  test('only the scalar changes; the trailing comment and every other byte stay', () => {
    const edits = yamlSetValue(TASK, ['status'], 'in_progress');
    expect(edits).toEqual([{ start: 29, end: 33, text: 'in_progress' }]);
    expect(set(TASK, ['status'], 'in_progress')).toBe(
      'id: PLAT-WP-0012-T03\nstatus: in_progress   # claimed by nobody yet\npriority: high\ndepends_on: [T01, T02]\n',
    );
  });

  test('double- and single-quoted values keep their quotes', () => {
    expect(set('title: "Wire the importer"\nstatus: "todo"\n', ['status'], 'done')).toBe('title: "Wire the importer"\nstatus: "done"\n');
    expect(set("status: 'todo' # quoted by habit\n", ['status'], 'blocked')).toBe("status: 'blocked' # quoted by habit\n");
    expect(set("owner: 'ops'\n", ['owner'], "ops' team")).toBe("owner: 'ops'' team'\n");
    expect(set('note: "a"\n', ['note'], 'say "hi"\\now')).toBe('note: "say \\"hi\\"\\\\now"\n');
  });

  test('a plain value stays plain when safe, dates included', () => {
    expect(set('completed: 2026-01-05\n', ['completed'], '2026-02-28')).toBe('completed: 2026-02-28\n');
    expect(set('domain: ingest\n', ['domain'], 'ingest-v2')).toBe('domain: ingest-v2\n');
  });

  test('a string that would read back as another type, or break the syntax, is quoted', () => {
    expect(set('status: todo\n', ['status'], 'true')).toBe('status: "true"\n');
    expect(set('status: todo\n', ['status'], '123')).toBe('status: "123"\n');
    expect(set('status: todo\n', ['status'], 'null')).toBe('status: "null"\n');
    expect(set('status: todo\n', ['status'], '')).toBe('status: ""\n');
    expect(set('status: todo\n', ['status'], 'a: b')).toBe('status: "a: b"\n');
    expect(set('status: todo\n', ['status'], 'x #y')).toBe('status: "x #y"\n');
    expect(set('status: todo\n', ['status'], '- x')).toBe('status: "- x"\n');
    expect(set('status: todo\n', ['status'], 'two\nlines')).toBe('status: "two\\nlines"\n');
  });

  test('numbers, booleans and null are written plain', () => {
    expect(set('priority: "1"\n', ['priority'], 2)).toBe('priority: 2\n');
    expect(set('needs_human: false\n', ['needs_human'], true)).toBe('needs_human: true\n');
    expect(set('owner: ops\n', ['owner'], null)).toBe('owner: null\n');
  });

  test('an empty value gets one, before its comment', () => {
    expect(set('id: T01\nstatus:\npriority: low\n', ['status'], 'done')).toBe('id: T01\nstatus: done\npriority: low\n');
    expect(set('id: T01\nstatus:    # fill in\n', ['status'], 'done')).toBe('id: T01\nstatus: done    # fill in\n');
  });

  test('a multi-line plain value becomes the new value, its comment kept', () => {
    expect(set('summary: first part\n  second part # note\nid: T01\n', ['summary'], 'short')).toBe('summary: short # note\nid: T01\n');
  });

  test('a block scalar keeps its block style and header comment', () => {
    expect(set('notes: | # free text\n  old line one\n  old line two\nid: T01\n', ['notes'], 'new one\nnew two\n')).toBe(
      'notes: | # free text\n  new one\n  new two\nid: T01\n',
    );
    expect(set('notes: >-\n  folded text\nid: T01\n', ['notes'], 'other text')).toBe('notes: >-\n  other text\nid: T01\n');
  });

  test('setting the value that is already there gives no edit (idempotent)', () => {
    const once = set(TASK, ['status'], 'done');
    expect(yamlSetValue(once, ['status'], 'done')).toEqual([]);
    expect(yamlSetValue('status: "done"\n', ['status'], 'done')).toEqual([]);
    expect(yamlSetValue('owner: ~\n', ['owner'], null)).toEqual([]);
    expect(yamlSetValue('owner:\n', ['owner'], null)).toEqual([]);
    // Same text, different type: an edit.
    expect(set('priority: "2"\n', ['priority'], 2)).toBe('priority: 2\n');
  });

  test('CRLF text: the edit touches no line ending', () => {
    expect(set('id: T01\r\nstatus: todo\r\n', ['status'], 'done')).toBe('id: T01\r\nstatus: done\r\n');
  });
});

describe('inserting a key', () => {
  test('after the last key of a block mapping, past its nested value, before trailing comments and blank lines', () => {
    const yaml = 'id: T04\ndepends_on:\n  - T01\n  - T02 # the slow one\n# end of task\n\n';
    expect(set(yaml, ['status'], 'todo')).toBe('id: T04\ndepends_on:\n  - T01\n  - T02 # the slow one\nstatus: todo\n# end of task\n\n');
  });

  test('after a named key, keeping key order otherwise', () => {
    expect(set('id: T04\npriority: low\nowner: ops\n', ['status'], 'todo', { after: 'id' })).toBe(
      'id: T04\nstatus: todo\npriority: low\nowner: ops\n',
    );
    expect(set('id: T04\npriority: low\n', ['status'], 'todo', { after: 'missing' })).toBe('id: T04\npriority: low\nstatus: todo\n');
  });

  test('a new date is written like the dates beside it; other values plain', () => {
    expect(set('id: WP-7\nupdated: "2026-02-28"\n', ['completed'], '2026-03-02')).toBe(
      'id: WP-7\nupdated: "2026-02-28"\ncompleted: "2026-03-02"\n',
    );
    expect(set("created: '2026-02-01'\nowner: ops\n", ['completed'], '2026-03-02')).toBe(
      "created: '2026-02-01'\nowner: ops\ncompleted: '2026-03-02'\n",
    );
    expect(set('created: 2026-02-01\nowner: "ops"\n', ['completed'], '2026-03-02')).toBe(
      'created: 2026-02-01\nowner: "ops"\ncompleted: 2026-03-02\n',
    );
    expect(set("id: WP-7\ntitle: 'Loader'\n", ['status'], 'active')).toBe("id: WP-7\ntitle: 'Loader'\nstatus: active\n");
  });

  test('in a block sequence of mappings, at the item indentation (both list styles)', () => {
    const indented = 'tasks:\n  - id: T01\n    status: done\n  - id: T02\n    title: Second\n';
    expect(set(indented, ['tasks', 1, 'status'], 'todo')).toBe(
      'tasks:\n  - id: T01\n    status: done\n  - id: T02\n    title: Second\n    status: todo\n',
    );
    const flush = 'tasks:\n- id: T01\n- id: T02\n';
    expect(set(flush, ['tasks', 0, 'status'], 'todo')).toBe('tasks:\n- id: T01\n  status: todo\n- id: T02\n');
  });

  test('in a flow mapping, inside a flow sequence', () => {
    const yaml = 'tasks: [{id: T01, status: done}, {id: T02}]\n';
    expect(set(yaml, ['tasks', 1, 'status'], 'in_progress')).toBe('tasks: [{id: T01, status: done}, {id: T02, status: in_progress}]\n');
    expect(set(yaml, ['tasks', 0, 'status'], 'a, b')).toBe('tasks: [{id: T01, status: "a, b"}, {id: T02}]\n');
    expect(set('meta: {}\n', ['meta', 'k'], 1)).toBe('meta: {k: 1}\n');
    expect(set('meta: {a: 1, b: 2}\n', ['meta', 'k'], 1, { after: 'a' })).toBe('meta: {a: 1, k: 1, b: 2}\n');
  });

  test('CRLF text: the inserted line ends in CRLF too', () => {
    expect(set('id: T01\r\npriority: low\r\n', ['status'], 'todo')).toBe('id: T01\r\npriority: low\r\nstatus: todo\r\n');
  });

  test('an empty document gets its first key', () => {
    expect(set('', ['status'], 'todo')).toBe('status: todo\n');
    expect(set('', ['status'], 'todo', { eol: '\r\n' })).toBe('status: todo\r\n');
    expect(set('# nothing yet\n', ['status'], 'todo')).toBe('# nothing yet\nstatus: todo\n');
  });

  test('a key that is not a plain string is quoted', () => {
    expect(set('a: 1\n', ['true'], 'v')).toBe('a: 1\n"true": v\n');
  });
});

describe('refusals', () => {
  test('YAML that does not parse is never edited', () => {
    const error = errorOf(() => yamlSetValue('id: T01\nid: T02\n', ['status'], 'done'));
    expect(error.code).toBe('refused');
    expect(error.details).toMatchObject({ reason: 'yaml-parse', line: 2, column: 1 });
  });

  test('a missing parent or list index is not-found; a collection value is refused', () => {
    expect(errorOf(() => yamlSetValue('a: 1\n', ['b', 'c'], 'x')).code).toBe('not-found');
    expect(errorOf(() => yamlSetValue('a: [1, 2]\n', ['a', 5], 'x')).code).toBe('not-found');
    expect(errorOf(() => yamlSetValue('a: [1, 2]\n', ['a'], 'x')).code).toBe('refused');
  });
});

describe('yamlGetScalar', () => {
  const yaml = 'id: T01\nstatus: "todo" # c\nowner:\ncount: 12\nnotes: |\n  text\nlist: [a]\n';

  test('value, raw text, span and style', () => {
    expect(yamlGetScalar(yaml, ['status'])).toEqual({ value: 'todo', raw: '"todo"', start: 16, end: 22, style: 'double' });
    expect(yamlGetScalar(yaml, ['owner'])).toEqual({ value: null, raw: '', start: 33, end: 33, style: 'empty' });
    expect(yamlGetScalar(yaml, ['count'])).toEqual({ value: 12, raw: '12', start: 41, end: 43, style: 'plain' });
    expect(yamlGetScalar(yaml, ['notes'])).toEqual({ value: 'text\n', raw: '|\n  text', start: 51, end: 59, style: 'block-literal' });
    expect(yamlGetScalar(yaml, ['list', 0])).toMatchObject({ value: 'a', raw: 'a' });
  });

  test('null for a missing path or a collection', () => {
    expect(yamlGetScalar(yaml, ['missing'])).toBeNull();
    expect(yamlGetScalar(yaml, ['list'])).toBeNull();
    expect(yamlGetScalar(yaml, ['missing', 'deeper'])).toBeNull();
  });
});
