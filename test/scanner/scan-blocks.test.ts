// scanBlocks(): the line scanner first, remark only for what the scanner declines, and remark
// never loaded by the modules the sync path imports.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanBlocks } from '../../src/documents/scanner/index.js';

const SCANNER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'documents', 'scanner');

/** Module specifiers a source file imports statically (type-only imports cost nothing). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

describe('scanBlocks', () => {
  it('answers from the line scanner when it can', async () => {
    const result = await scanBlocks('# Plan\n\n```task\nid: T1\n```\n');
    expect(result.used_fallback).toBe(false);
    expect(result.fallback_reason).toBeUndefined();
    expect(result.headings.map((h) => h.text)).toEqual(['Plan']);
    expect(result.fences.map((f) => f.content)).toEqual(['id: T1']);
  });

  it('hands a declined text to remark and says why', async () => {
    const result = await scanBlocks('# Plan\n[ref]: /url\nTitle\n===\n```task\nid: T1\n```\n');
    expect(result.used_fallback).toBe(true);
    expect(result.fallback_reason).toBe('line 4: paragraph that may hold link reference definitions before a setext underline');
    // remark removes the definition and makes the rest of the paragraph a heading.
    expect(result.headings.map((h) => [h.level, h.line, h.text, h.setext])).toEqual([
      [1, 1, 'Plan', false],
      [1, 3, 'Title', true],
    ]);
    expect(result.fences.map((f) => [f.line, f.content, f.closed])).toEqual([[5, 'id: T1', true]]);
  });

  it('keeps positions in the whole text when scanning a body in fallback', async () => {
    const text = '---\nid: X\n---\n[r]: /u\nBody\n---\n';
    const result = await scanBlocks(text, { from: 14 });
    expect(result.used_fallback).toBe(true);
    expect(result.headings).toEqual([{ level: 2, text: 'Body', setext: true, line: 5, column: 1, offset: 22, end_line: 6 }]);
  });

  it('hands moderately deep nesting to remark', async () => {
    const result = await scanBlocks('>'.repeat(100) + ' # Deep\n');
    expect(result.fallback_reason).toBe('line 1: containers nested deeper than 64');
    expect(result.headings.map((h) => [h.text, h.column])).toEqual([['Deep', 102]]);
    expect(result.failure).toBeUndefined();
  });

  it('does not hand remark nesting that would take it minutes', async () => {
    const result = await scanBlocks('>'.repeat(50_000) + ' # Deep\n');
    expect(result).toEqual({
      headings: [],
      fences: [],
      used_fallback: true,
      fallback_reason: 'line 1: containers nested deeper than 64; too deep to hand to remark',
      failure: { line: 1, reason: 'containers nested deeper than 64; too deep to hand to remark', transient: false },
    });
  });

  it('gives up on remark after its time limit instead of hanging', async () => {
    // A declined construct, then 200 KB of `*a`: remark's emphasis matching takes minutes.
    const text = '[ref]: /url\nTitle\n===\n' + '*a'.repeat(100_000) + '\n';
    const started = Date.now();
    const result = await scanBlocks(text, {}, { remarkTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result).toEqual({
      headings: [],
      fences: [],
      used_fallback: true,
      fallback_reason:
        'line 3: paragraph that may hold link reference definitions before a setext underline; remark failed: remark took longer than 300 ms',
      failure: {
        line: 3,
        reason: 'paragraph that may hold link reference definitions before a setext underline; remark failed: remark took longer than 300 ms',
        transient: true,
      },
    });
  }, 30_000);

  it('keeps what ended before the declined line when remark is given no time', async () => {
    const text = '# Plan\n\n```task\nid: T1\n```\n\n[ref]: /url\nTitle\n===\n\n```task\nid: T2\n```\n';
    const result = await scanBlocks(text, {}, { remarkTimeoutMs: 0 });
    expect(result.headings.map((h) => h.text)).toEqual(['Plan']);
    expect(result.fences.map((f) => f.content)).toEqual(['id: T1']);
    expect(result.failure).toEqual({
      line: 9,
      reason: 'paragraph that may hold link reference definitions before a setext underline; remark failed: remark took longer than 0 ms',
      transient: true,
    });
  });

  it('never imports remark from the modules the sync path loads', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/unified|remark|mdast/);
        if (spec.startsWith('./')) visit(join(SCANNER_DIR, spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(SCANNER_DIR, 'index.ts'));
    expect([...seen].map((f) => f.slice(SCANNER_DIR.length + 1)).sort()).toEqual([
      'block-scanner.ts',
      'fence-builder.ts',
      'html-blocks.ts',
      'index.ts',
      'leaf-starts.ts',
      'line-cursor.ts',
      'list-marker.ts',
      'paragraph-lines.ts',
      'scan.ts',
      'unsupported.ts',
    ]);
    const index = readFileSync(join(SCANNER_DIR, 'index.ts'), 'utf8');
    expect(index).toContain("await import('./remark-worker.js')");
    expect(index).toContain("await import('./mdast-blocks.js')");
  });
});
