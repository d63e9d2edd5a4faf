// Hostile input never crashes the parser, never executes anything, never loses the rest of the file.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/documents/parse.js';

const md = (lines: string[]) => lines.join('\n') + '\n';
const parse = (text: string | Buffer, file = 'workplans/x.md') => parseFile(file, typeof text === 'string' ? Buffer.from(text) : text);
const rules = (result: Awaited<ReturnType<typeof parse>>) => result.diagnostics.map((d) => [d.rule_id, d.line, d.column]);

describe('hostile input', () => {
  it('invalid YAML in front-matter: frontmatter/parse at the YAML error, task blocks still contribute ids', async () => {
    const result = await parse(md(['---', 'id: WP-1', 'title: "unclosed', '---', '```task', 'id: WP-1-T1', '```']));
    expect(result.diagnostics.map((d) => d.rule_id)).toEqual(['frontmatter/parse']);
    expect(result.diagnostics[0].line).toBeGreaterThanOrEqual(3);
    expect(result.documents[0]).toMatchObject({ valid: false, id: null });
    expect(result.documents[0].tasks.map((t) => t.id)).toEqual(['WP-1-T1']);
  });

  it('unterminated front-matter: the body does not vanish into YAML', async () => {
    const result = await parse(md(['---', 'id: WP-1', '', '# Title', '', '```task', 'id: WP-1-T1', '```']));
    expect(rules(result)).toEqual([['frontmatter/unterminated', 1, 1]]);
    expect(result.documents[0].tasks.map((t) => [t.id, t.title])).toEqual([['WP-1-T1', 'Title']]);
  });

  it('unterminated task fence', async () => {
    const result = await parse(md(['---', 'id: W', '---', '# T', '', '```task', 'id: W-1', 'status: todo']));
    expect(rules(result)).toEqual([['task/unterminated-fence', 6, 1]]);
    expect(result.documents[0].tasks).toEqual([]);
  });

  it('a bad task block followed by a good one: the good one survives', async () => {
    const result = await parse(md(['---', 'id: W', '---', '## A', '```task', 'id: W-1', 'status: [todo', '```', '## B', '```task', 'id: W-2', '```']));
    expect(result.diagnostics.map((d) => d.rule_id)).toEqual(['task/parse']);
    expect(result.diagnostics[0].line).toBeGreaterThanOrEqual(6);
    expect(result.diagnostics[0].line).toBeLessThanOrEqual(8);
    expect(result.documents[0].tasks.map((t) => t.id)).toEqual(['W-2']);
  });

  it('a task block without id: task/missing-id, never schema/invalid', async () => {
    const result = await parse(md(['---', 'id: W', '---', '```task', 'status: todo', '```']));
    expect(rules(result)).toEqual([['task/missing-id', 4, 1]]);
  });

  it('an alias bomb is rejected at once', async () => {
    const lines = ['---', 'id: W', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    lines.push('---');
    const result = await parse(md(lines));
    expect(rules(result)).toEqual([['frontmatter/parse', 3, 4]]);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('20,000-deep nesting in front-matter and in a task block', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const result = await parse(md(['---', `id: ${deep}`, '---', '```task', `id: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`, '```']));
    expect(result.diagnostics.map((d) => d.rule_id)).toEqual(['frontmatter/parse', 'task/parse']);
  });

  it('duplicate keys', async () => {
    const result = await parse(md(['---', 'id: W', 'status: active', 'status: draft', '---']));
    expect(rules(result)).toEqual([['frontmatter/parse', 4, 1]]);
  });

  it('anchors, aliases and tags are outside the accepted subset', async () => {
    for (const line of ['x: &anchor 1', 'x: !!str 1', 'x: !custom 1', 'x: *alias']) {
      const result = await parse(md(['---', 'id: W', line, '---']));
      expect(result.diagnostics.map((d) => [d.rule_id, d.line])).toEqual([['frontmatter/parse', 3]]);
    }
  });

  it('!!js/function and ---js front-matter: nothing is ever executed', async () => {
    const marker = `__custodian_pwned_${process.pid}`;
    const fn = await parse(md(['---', 'id: W', `x: !!js/function "function () { globalThis.${marker} = 1 }"`, '---']));
    expect(rules(fn)).toEqual([['frontmatter/parse', 3, 4]]);
    const js = await parse(md(['---js', `globalThis.${marker} = 1; module.exports = { id: 'W' }`, '---', '```task', 'id: W-1', '```']));
    expect(rules(js)).toEqual([['frontmatter/parse', 1, 4]]);
    expect(js.documents[0].tasks.map((t) => t.id)).toEqual(['W-1']);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('__proto__, constructor and prototype keys touch no prototype', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = await parse(md(['---', 'id: W', `${key}: {polluted: true}`, '---', '```task', 'id: W-1', `${key}:`, '  polluted: true', '```']));
      expect(result.diagnostics.map((d) => d.rule_id)).toEqual(['frontmatter/parse', 'task/parse']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('non-UTF-8 bytes, binary content', async () => {
    const latin1 = Buffer.concat([Buffer.from('---\nid: W\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]);
    expect(rules(await parse(latin1))).toEqual([['file/unreadable', 3, 11]]);
    expect((await parse(latin1)).diagnostics[0].message).toContain('byte 0xe9 at offset 20');
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(rules(await parse(binary))).toEqual([['file/unreadable', 1, 1]]);
  });

  it('an empty file and a file with no front-matter are frontmatter/missing warnings', async () => {
    expect((await parse('')).diagnostics.map((d) => [d.rule_id, d.severity])).toEqual([['frontmatter/missing', 'warning']]);
    expect((await parse('# Just notes\n')).documents).toEqual([]);
  });

  it('a 12 MB file is reported within seconds (over the size cap)', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024, 'a');
    const result = await parse(big);
    expect(rules(result)).toEqual([['file/unreadable', 1, 1]]);
  });

  it('a 4 MB workplan (under the cap) parses within seconds', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `## H${i}\n\n\`\`\`task\nid: BIG-${i}\n\`\`\`\n\n${'*a'.repeat(80)}\n`).join('\n');
    const result = await parse(`---\nid: BIG\n---\n${body}`);
    expect(result.documents[0].tasks).toHaveLength(20_000);
  }, 60_000);

  it('BOM + CRLF parse like LF, with no \\r in any value and lines unshifted', async () => {
    const lf = md(['---', 'id: W', 'title: The title', 'tasks:', '  - id: T1', '    title: Listed', '---', '', '## Heading', '', '```task', 'id: W-2', 'status: done', '```', '', 'Desc line one', 'line two']);
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf.replace(/\n/g, '\r\n'))]);
    const a = await parse(lf);
    const b = await parse(crlf);
    const strip = (r: typeof a) => JSON.parse(JSON.stringify(r.documents, (k, v) => (k === 'source' || k === 'frontmatter' || k === 'offset' ? undefined : v)));
    expect(strip(b)).toEqual(strip(a));
    expect(JSON.stringify(b.documents)).not.toContain('\\r');
    expect(b.documents[0].tasks.map((t) => t.line)).toEqual([5, 11]);
  });
});
