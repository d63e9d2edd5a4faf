// Line starts: every position a diagnostic reports goes through them. \n, \r\n and a lone \r each
// end a line, whichever way the index is built (a file without \r takes a faster path).
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/documents/text.js';

describe('LineIndex', () => {
  it.each([
    ['', [0]],
    ['one line', [0]],
    ['a\nb\n', [0, 2, 4]],
    ['\n\n', [0, 1, 2]],
    ['a\r\nb\r\n', [0, 3, 6]],
    ['a\rb\rc', [0, 2, 4]],
    ['a\nb\r\nc\rd', [0, 2, 5, 7]],
    ['a\r', [0, 2]],
  ])('%j starts its lines at %j', (text, starts) => {
    const lines = new LineIndex(text);
    expect(lines.starts).toEqual(starts);
    expect(lines.lineCount).toBe(starts.length);
  });

  it('gives the same positions and line texts for a file with \\n and the same file with \\r\\n', () => {
    const lf = '---\nid: A-1\n---\n\n## Tasks\n\n```task\nid: A-1-T1\n```\n';
    const crlf = lf.replaceAll('\n', '\r\n');
    const [a, b] = [new LineIndex(lf), new LineIndex(crlf)];
    expect(a.lineCount).toBe(b.lineCount);
    for (let line = 1; line <= a.lineCount; line++) expect(a.lineText(line)).toBe(b.lineText(line));
    expect(a.position(lf.indexOf('A-1-T1'))).toEqual(b.position(crlf.indexOf('A-1-T1')));
  });
});
