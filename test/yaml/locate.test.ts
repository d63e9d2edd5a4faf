// locateKey: where a field's key and value sit inside a YAML text, for diagnostics.
import { describe, expect, test } from 'vitest';
import { locateKey, type Span } from '../../src/documents/yaml/locate.js';

const TEXT = [
  'id: X', //                         line 1
  'title: "Hi there"', //             line 2
  'tasks:', //                        line 3
  '  - id: T01', //                   line 4
  '    status: done', //              line 5
  '  - {id: T02, status: todo}', //   line 6
  '  - id: T03', //                   line 7
  '    status:', //                   line 8
  '    notes: |', //                  line 9
  '      a', //                       line 10
  '      b', //                       line 11
  '1: one', //                        line 12
  '~: nothing', //                    line 13
].join('\n') + '\n';

/** The span's text, and where it starts and ends as line:column. */
function where(span: Span | null | undefined): string | null {
  if (!span) return null;
  return `${span.line}:${span.column}-${span.end_line}:${span.end_column} ${JSON.stringify(TEXT.slice(span.start, span.end))}`;
}

describe('locateKey', () => {
  test('finds a top-level key and its value', () => {
    const found = locateKey(TEXT, ['title']);
    expect(where(found?.key)).toBe('2:1-2:6 "title"');
    expect(where(found?.value)).toBe('2:8-2:18 "\\"Hi there\\""');
  });

  test('follows mapping keys and sequence indices, block and flow', () => {
    expect(where(locateKey(TEXT, ['tasks', 0, 'status'])?.value)).toBe('5:13-5:17 "done"');
    expect(where(locateKey(TEXT, ['tasks', 1, 'status'])?.key)).toBe('6:15-6:21 "status"');
    expect(where(locateKey(TEXT, ['tasks', 1, 'status'])?.value)).toBe('6:23-6:27 "todo"');
  });

  test('gives a sequence item no key', () => {
    const item = locateKey(TEXT, ['tasks', 2]);
    expect(item?.key).toBeNull();
    expect(where(item?.value)).toBe('7:5-11:8 "id: T03\\n    status:\\n    notes: |\\n      a\\n      b"');
  });

  test('places an empty value, zero-length, right after its key', () => {
    const found = locateKey(TEXT, ['tasks', 2, 'status']);
    expect(where(found?.key)).toBe('8:5-8:11 "status"');
    expect(where(found?.value)).toBe('8:12-8:12 ""');
  });

  test('ends a block scalar at its last character', () => {
    expect(where(locateKey(TEXT, ['tasks', 2, 'notes'])?.value)).toBe('9:12-11:8 "|\\n      a\\n      b"');
  });

  test('matches keys as readYaml spells them', () => {
    expect(where(locateKey(TEXT, ['1'])?.key)).toBe('12:1-12:2 "1"');
    expect(where(locateKey(TEXT, ['null'])?.value)).toBe('13:4-13:11 "nothing"');
  });

  test('gives the whole document for the empty path', () => {
    const root = locateKey(TEXT, []);
    expect(root?.key).toBeNull();
    expect(root?.value?.start).toBe(0);
    expect(root?.value?.end_line).toBe(13);
  });

  test('returns null for a path that does not exist', () => {
    expect(locateKey(TEXT, ['missing'])).toBeNull();
    expect(locateKey(TEXT, ['tasks', 3])).toBeNull();
    expect(locateKey(TEXT, ['tasks', -1])).toBeNull();
    expect(locateKey(TEXT, ['id', 0])).toBeNull();
    expect(locateKey(TEXT, ['tasks', 'id'])).toBeNull();
  });

  test('points at the first of two duplicate keys', () => {
    expect(locateKey('a: 1\nb: 2\na: 3\n', ['a'])?.value?.line).toBe(1);
  });

  test('counts lines across CRLF and lone CR, and columns in UTF-16 code units', () => {
    expect(locateKey('a: 1\r\nb: 2\r\n', ['b'])?.value).toEqual({ line: 2, column: 4, end_line: 2, end_column: 5, start: 9, end: 10 });
    expect(locateKey('a: 1\rb: 2\r', ['b'])?.key).toEqual({ line: 2, column: 1, end_line: 2, end_column: 2, start: 5, end: 6 });
    expect(locateKey('😀: x\nk: v\n', ['k'])?.key?.line).toBe(2);
    expect(locateKey('a: [😀, x]\n', ['a', 1])?.value).toMatchObject({ line: 1, column: 9 });
  });

  test('still locates keys in a text with a syntax error elsewhere', () => {
    expect(locateKey('a: 1\nb: [1, 2\n', ['a'])?.value).toMatchObject({ line: 1, column: 4 });
  });

  test('declines texts that are too large or nest too deep', () => {
    expect(locateKey(`a: "${'x'.repeat(65 * 1024)}"`, ['a'])).toBeNull();
    expect(locateKey('['.repeat(20_000), [0])).toBeNull();
  });
});
