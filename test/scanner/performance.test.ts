// Sanity bounds, not benchmarks: inputs that make a naive or backtracking scanner crawl must
// finish (remark takes minutes on some of them). See bench-scan.ts for throughput.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/documents/scanner/scan.js';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), 'samples');

describe('large and pathological inputs', () => {
  it('scans a 12 MB file of workplans', () => {
    const sample = readFileSync(join(SAMPLES, 'billing-retries.md'), 'utf8') + '\n';
    const one = scanMarkdown(sample);
    if (!one.ok) throw new Error(one.reason);
    const copies = Math.ceil((12 * 1024 * 1024) / sample.length);
    const outcome = scanMarkdown(sample.repeat(copies));
    if (!outcome.ok) throw new Error(outcome.reason);
    // Read as Markdown, each copy's front-matter is a thematic break and a setext heading.
    expect(one.headings).toHaveLength(9);
    expect(one.fences).toHaveLength(7);
    expect(outcome.headings).toHaveLength(copies * 9);
    expect(outcome.fences.filter((f) => f.info === 'task')).toHaveLength(copies * 3);
    expect(outcome.fences[outcome.fences.length - 1].line).toBe(one.fences[6].line + (copies - 1) * (sample.split('\n').length - 1));
  }, 60_000);

  it.each<[string, string, string]>([
    ['a 200 KB line of *a', '*a'.repeat(100_000), '0 headings, 0 fences'],
    ['a 200 KB line of backticks', '`'.repeat(200_000) + '\nx\n', '0 headings, 1 fences'],
    ['200 KB of list markers on one line', '1. '.repeat(66_000), 'containers nested deeper than 64'],
    ['200 KB of dashes and spaces (a thematic break)', '- '.repeat(100_000), '0 headings, 0 fences'],
    ['200 KB of nested quotes', '>'.repeat(200_000), 'containers nested deeper than 64'],
    ['a 200 KB HTML tag', '<a ' + 'b=c '.repeat(50_000) + '>\n# x\n', '0 headings, 0 fences'],
    ['200 KB of brackets before an underline', '['.repeat(200_000) + '\n===\n', '1 headings, 0 fences'],
    ['100,000 fence lines', '```\n# x\n```\n'.repeat(50_000), '0 headings, 50000 fences'],
    ['100,000 fence-looking lines in one unclosed fence', '~~~~\n' + '```\n~~~ x\n~~~\n'.repeat(33_000), '0 headings, 1 fences'],
    ['100,000 lines of a lazy quote', '> a\n'.repeat(50_000) + 'b\n'.repeat(50_000) + '===\n', '0 headings, 0 fences'],
  ])('finishes on %s', (_name, text, expected) => {
    const outcome = scanMarkdown(text);
    expect(outcome.ok ? `${outcome.headings.length} headings, ${outcome.fences.length} fences` : outcome.reason).toBe(expected);
  }, 30_000);
});
