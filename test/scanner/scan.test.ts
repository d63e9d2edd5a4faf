// scanMarkdown() on the constructs the issue names, with exact values.

import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/documents/scanner/scan.js';
import type { BlockScan } from '../../src/documents/scanner/types.js';

function scan(text: string, from?: number): BlockScan {
  const outcome = scanMarkdown(text, from === undefined ? {} : { from });
  if (!outcome.ok) throw new Error(`fell back: ${outcome.reason} (line ${outcome.line})`);
  return { headings: outcome.headings, fences: outcome.fences };
}

describe('headings', () => {
  it('keeps inline code and markup of an ATX heading and drops the closing sequence', () => {
    const { headings } = scan('intro\n\n  ### P1.1 — Create `domains` table + *migration*  ##  \n');
    expect(headings).toEqual([
      { level: 3, text: 'P1.1 — Create `domains` table + *migration*', setext: false, line: 3, column: 3, offset: 9, end_line: 3 },
    ]);
  });

  it('keeps a closing sequence that is not preceded by a space, and ignores 7 hashes', () => {
    const { headings } = scan('# C#\n## A \\##\n####### seven\n#hashtag\n');
    expect(headings.map((h) => [h.level, h.text])).toEqual([
      [1, 'C#'],
      [2, 'A \\##'],
    ]);
  });

  it('joins the trimmed lines of a setext heading', () => {
    const { headings } = scan('  Release plan  \nfor *Q3*\n=====\n\nNext\n---\n');
    expect(headings).toEqual([
      { level: 1, text: 'Release plan for *Q3*', setext: true, line: 1, column: 3, offset: 2, end_line: 3 },
      { level: 2, text: 'Next', setext: true, line: 5, column: 1, offset: 33, end_line: 6 },
    ]);
  });

  it('reads --- after a blank line as a thematic break, not a heading', () => {
    expect(scan('Para\n\n---\n').headings).toEqual([]);
  });

  it('does not let a lazy line be a setext underline', () => {
    expect(scan('> quoted\n===\n').headings).toEqual([]);
    expect(scan('> quoted\n---\n').headings).toEqual([]);
    expect(scan('- item\n---\n').headings).toEqual([]);
  });

  it('finds headings inside block quotes and list items', () => {
    const { headings } = scan('> ## Quoted\n\n- # In item\n\n  Setext in item\n  ---\n');
    expect(headings.map((h) => [h.level, h.line, h.column, h.text])).toEqual([
      [2, 1, 3, 'Quoted'],
      [1, 3, 3, 'In item'],
      [2, 5, 3, 'Setext in item'],
    ]);
  });
});

describe('fences', () => {
  it('reads a task block with its content, offsets and lines', () => {
    const text = '### T1\n\n```task\nid: T01\nstatus: done\n```\n\nAfter.\n';
    expect(scan(text).fences).toEqual([
      {
        info: 'task',
        content: 'id: T01\nstatus: done',
        marker: '`',
        fence_length: 3,
        line: 3,
        column: 1,
        start_offset: 8,
        end_offset: 40,
        end_line: 6,
        closed: true,
        to_eof: false,
        content_offsets: [16, 24],
        exact_offsets: true,
        content_line: 4,
      },
    ]);
  });

  it('treats a ```task fence inside a longer fence as content', () => {
    const { fences } = scan('````markdown\n```task\nid: X\n```\n````\n');
    expect(fences.map((f) => [f.info, f.content, f.fence_length])).toEqual([['markdown', '```task\nid: X\n```', 4]]);
  });

  it('closes only with the same character, at least as long, with nothing after it', () => {
    const { fences } = scan('~~~~ task\n~~~\n```\n~~~~ x\n~~~~~  \nafter\n');
    expect(fences.map((f) => [f.content, f.end_line, f.closed])).toEqual([['~~~\n```\n~~~~ x', 5, true]]);
  });

  it('does not read # lines inside a fence as headings', () => {
    const { headings, fences } = scan('```bash\n# install\nnpm ci\n```\n# Real\n');
    expect(headings.map((h) => h.text)).toEqual(['Real']);
    expect(fences[0].content).toBe('# install\nnpm ci');
  });

  it('rejects backticks in a backtick fence info string but not in a tilde one', () => {
    // The first line is paragraph text; the second opens a fence that never closes.
    expect(scan('``` a`b\n```\n').fences.map((f) => [f.line, f.info, f.closed])).toEqual([[2, '', false]]);
    expect(scan('~~~ a`b\n~~~\n').fences.map((f) => f.info)).toEqual(['a`b']);
  });

  it('removes up to the opening indentation from content lines', () => {
    const { fences } = scan('  ```\n    two\n one\nzero\n  ```\n');
    expect(fences[0].content).toBe('  two\none\nzero');
    expect(fences[0].content_offsets).toEqual([8, 15, 19]);
  });

  it('is not fooled by an indented code block or an HTML comment holding a fence', () => {
    expect(scan('    ```task\n    id: T1\n    ```\n').fences).toEqual([]);
    expect(scan('<!--\n```task\nid: T1\n```\n-->\n').fences).toEqual([]);
  });

  it('lets a fence interrupt a paragraph but not an HTML block of kind 7', () => {
    expect(scan('text\n<span>\n```\nx\n```\n').fences.map((f) => f.line)).toEqual([3]);
    expect(scan('<span>\n```\nx\n```\n').fences).toEqual([]);
  });

  it('reports a fence left open at the end of the file', () => {
    const { fences } = scan('```task\nid: T1\n\n');
    expect(fences.map((f) => [f.content, f.end_line, f.closed, f.to_eof])).toEqual([['id: T1\n', 3, false, true]]);
  });

  it('ends a fence with its block quote or list item', () => {
    const quoted = scan('> ```task\n> id: T1\nafter\n').fences;
    expect(quoted.map((f) => [f.content, f.end_line, f.closed, f.to_eof])).toEqual([['id: T1', 2, false, false]]);
    const listed = scan('- ```task\n  id: T1\n- next\n').fences;
    expect(listed.map((f) => [f.content, f.end_line, f.closed, f.to_eof])).toEqual([['id: T1', 2, false, false]]);
  });

  it('finds fences in nested containers and removes their prefixes', () => {
    const text = '> 1. Step\n>\n>    ```yaml\n>    a: 1\n>      b: 2\n>    ```\n';
    const { fences } = scan(text);
    expect(fences.map((f) => [f.info, f.line, f.column, f.content, f.closed])).toEqual([['yaml', 3, 6, 'a: 1\n  b: 2', true]]);
    expect(fences[0].content_offsets.map((o) => text.slice(o, text.indexOf('\n', o)))).toEqual(['a: 1', '  b: 2']);
  });

  it('does not open a fence on a lazy line inside a block quote', () => {
    const { fences } = scan('> para\n```\ncode\n```\n');
    expect(fences.map((f) => [f.line, f.content])).toEqual([[2, 'code']]);
  });

  it('marks offsets inexact where a container consumed part of a tab', () => {
    const { fences } = scan('> ```\n>\t\tx\n> ```\n');
    expect(fences.map((f) => [f.content, f.exact_offsets])).toEqual([['  \tx', false]]);
  });
});

describe('positions', () => {
  it('counts \\r\\n and a lone \\r as one line ending each', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['# A', '', '```task', 'id: T1', '```', ''].join(eol);
      const { headings, fences } = scan(text);
      expect(headings.map((h) => [h.line, h.text])).toEqual([[1, 'A']]);
      expect(fences.map((f) => [f.line, f.end_line, f.content])).toEqual([[3, 5, 'id: T1']]);
      expect(text.startsWith('id: T1', fences[0].content_offsets[0])).toBe(true);
    }
  });

  it('scans from an offset and reports positions in the whole text', () => {
    const text = '---\ntitle: x\n# not a heading\n---\n# Body\n```task\nid: T1\n```\n';
    const from = text.indexOf('# Body');
    const { headings, fences } = scan(text, from);
    expect(headings).toEqual([{ level: 1, text: 'Body', setext: false, line: 5, column: 1, offset: from, end_line: 5 }]);
    expect(fences.map((f) => [f.line, f.start_offset, f.content_offsets])).toEqual([[6, from + 7, [from + 15]]]);
  });
});

describe('declining', () => {
  it('declines a setext underline after a possible link reference definition', () => {
    expect(scanMarkdown('[foo]: /url\nbar\n===\n')).toEqual({
      ok: false,
      reason: 'paragraph that may hold link reference definitions before a setext underline',
      line: 3,
      headings: [],
      fences: [],
    });
    expect(scanMarkdown('[foo](/url) bar\n===\n').ok).toBe(true);
  });

  it('declines nesting deeper than 64 containers', () => {
    const outcome = scanMarkdown('> '.repeat(65) + 'deep\n');
    expect(outcome).toEqual({ ok: false, reason: 'containers nested deeper than 64', line: 1, headings: [], fences: [] });
    expect(scanMarkdown('> '.repeat(64) + 'deep\n').ok).toBe(true);
  });

  it.each([
    ['<a href=/x>\n# h\n', 'HTML tag that remark reads differently from CommonMark'],
    ['</pre>\n# h\n', 'HTML tag that remark reads differently from CommonMark'],
    ['<![CDATA[\n]]]>\n# h\n', 'CDATA end that remark does not see'],
    ['text\n01. item\n', 'ordered list item numbered 1 with leading zeros after paragraph text'],
    ['> quoted\n<span>\n', 'complete HTML tag on a lazy continuation line'],
    ['text\n    > more\n---\n', 'setext heading line beginning with ">"'],
  ])('declines %j, where remark departs from CommonMark', (text, reason) => {
    const outcome = scanMarkdown(text);
    expect(outcome.ok ? 'scanned' : outcome.reason).toBe(reason);
  });

  it('declines a list item remark would read as interrupting indented code', () => {
    expect(scanMarkdown('    code\n3. item\n')).toEqual({
      ok: false,
      reason: 'list item that remark reads as interrupting a block',
      line: 2,
      headings: [],
      fences: [],
    });
  });

  it('keeps the headings and fences that ended before the declined line', () => {
    const text = '# Plan\n\n```task\nid: T1\n```\n\n## Later\n\n[foo]: /url\nbar\n===\n\n```task\nid: T2\n```\n';
    const outcome = scanMarkdown(text);
    expect(outcome.ok).toBe(false);
    expect(outcome.headings.map((h) => [h.line, h.text])).toEqual([
      [1, 'Plan'],
      [7, 'Later'],
    ]);
    expect(outcome.fences.map((f) => [f.line, f.content])).toEqual([[3, 'id: T1']]);
  });
});
