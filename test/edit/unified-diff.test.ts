import { describe, expect, test } from 'vitest';
import { unifiedDiff } from '../../src/edit/index.js';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  test('equal texts give no diff', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x.md')).toBe('');
  });

  test('changes far apart make two hunks with 3 lines of context', () => {
    const before = numbered(12);
    const after = before.replace('2\n', 'two\n').replace('11\n', 'eleven\n');
    expect(unifiedDiff(before, after, 'workplans/plan.md')).toBe(
      [
        '--- a/workplans/plan.md',
        '+++ b/workplans/plan.md',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -8,5 +8,5 @@',
        ' 8',
        ' 9',
        ' 10',
        '-11',
        '+eleven',
        ' 12',
        '',
      ].join('\n'),
    );
  });

  test('changes within twice the context share one hunk; an inserted line counts once', () => {
    const before = numbered(10);
    const after = before.replace('3\n', 'three\n').replace('8\n', '8\nafter eight\n');
    expect(unifiedDiff(before, after, 'p.md')).toBe(
      ['--- a/p.md', '+++ b/p.md', '@@ -1,10 +1,11 @@', ' 1', ' 2', '-3', '+three', ' 4', ' 5', ' 6', ' 7', ' 8', '+after eight', ' 9', ' 10', ''].join(
        '\n',
      ),
    );
  });

  test('a missing final newline is marked as git does', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'f')).toBe(
      ['--- a/f', '+++ b/f', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  test('an empty side names the line before it', () => {
    expect(unifiedDiff('', 'x\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('x\ny\n', 'y\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n-x\n y\n');
  });

  test('a line-ending change shows as a changed line', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nb\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n');
  });

  test('a large rewrite still yields a diff that turns one text into the other', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join('');
    const after = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `changed ${i}\n` : `line ${i}\n`)).join('');
    const diff = unifiedDiff(before, after, 'big.md');
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
    expect(removed).toBe(1000);
    expect(added).toBe(1000);
  });
});
