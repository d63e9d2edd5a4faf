import { describe, expect, test } from 'vitest';
import { applyEdits, fixToFixpoint, replacementEdits } from '../../src/edit/index.js';

describe('applyEdits', () => {
  test('applies edits given in any order, by position', () => {
    const result = applyEdits('status: todo\npriority: low\n', [
      { start: 23, end: 26, text: 'high' },
      { start: 8, end: 12, text: 'done' },
    ]);
    expect(result.text).toBe('status: done\npriority: high\n');
    expect(result.applied.map((e) => e.text)).toEqual(['done', 'high']);
    expect(result.skipped).toEqual([]);
  });

  test('skips an edit overlapping an earlier one and reports it', () => {
    const result = applyEdits('abcdef', [
      { start: 1, end: 4, text: 'X' },
      { start: 3, end: 5, text: 'Y' },
      { start: 5, end: 6, text: 'Z' },
    ]);
    expect(result.text).toBe('aXeZ');
    expect(result.skipped).toEqual([{ start: 3, end: 5, text: 'Y' }]);
  });

  test('a second insertion at the same point is skipped (its order would be a guess)', () => {
    const result = applyEdits('ab', [
      { start: 1, end: 1, text: '1' },
      { start: 1, end: 1, text: '2' },
    ]);
    expect(result.text).toBe('a1b');
    expect(result.skipped).toEqual([{ start: 1, end: 1, text: '2' }]);
  });

  test('an insertion touching a replacement is not a collision', () => {
    const result = applyEdits('abc', [
      { start: 1, end: 2, text: 'B' },
      { start: 2, end: 2, text: '+' },
      { start: 1, end: 1, text: '-' },
    ]);
    expect(result.text).toBe('a-B+c');
    expect(result.skipped).toEqual([]);
  });

  test('invalid ranges are skipped, never applied', () => {
    const result = applyEdits('abc', [
      { start: 2, end: 1, text: 'X' },
      { start: 0, end: 9, text: 'Y' },
      { start: -1, end: 0, text: 'Z' },
    ]);
    expect(result.text).toBe('abc');
    expect(result.skipped).toHaveLength(3);
  });

  test('no edits: the same text', () => {
    expect(applyEdits('x', [])).toEqual({ text: 'x', applied: [], skipped: [] });
  });
});

describe('fixToFixpoint', () => {
  // Each pass, every `aa` pair becomes `a`: overlapping pairs wait for the next pass.
  const collapse = (text: string) => {
    const edits = [];
    for (let i = text.indexOf('aa'); i !== -1; i = text.indexOf('aa', i + 1)) edits.push({ start: i, end: i + 2, text: 'a' });
    return edits;
  };

  test('repeats passes until nothing applies', async () => {
    expect(await fixToFixpoint('aaaaaaaa', collapse)).toEqual({ text: 'a', passes: 3 });
  });

  test('stops at the pass cap', async () => {
    expect(await fixToFixpoint('aaaaaaaa', collapse, { maxPasses: 1 })).toEqual({ text: 'aaaa', passes: 1 });
  });

  test('edits that change nothing end the loop', async () => {
    expect(await fixToFixpoint('abc', () => [{ start: 0, end: 1, text: 'a' }])).toEqual({ text: 'abc', passes: 0 });
  });

  test('a refused result ends the loop at the text before it; edits may be computed asynchronously', async () => {
    const accept = (next: string) => Promise.resolve(next.length >= 2);
    expect(await fixToFixpoint('aaaaaaaa', (t) => Promise.resolve(collapse(t)), { accept })).toEqual({ text: 'aa', passes: 2 });
  });
});

describe('replacementEdits', () => {
  test('the smallest single edit between two texts', () => {
    expect(replacementEdits('status: todo\n', 'status: done\n')).toEqual([{ start: 8, end: 12, text: 'done' }]);
    expect(replacementEdits('same', 'same')).toEqual([]);
    expect(applyEdits('aXb', replacementEdits('aXb', 'aYYb')).text).toBe('aYYb');
  });
});
