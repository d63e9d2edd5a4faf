// Realistic documents, the scanner's everyday input: every Markdown file of the project's
// fixtures (found at run time, so files added later are covered) and the workplan-like
// samples beside this test. The scanner must handle each body itself (no fallback) and find
// exactly what remark finds.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithRemark } from './differential.js';
import { bodyOffset } from './body-offset.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name))
    .sort();
}

const SAMPLES = markdownFiles(join(HERE, 'samples'));
const FIXTURES = markdownFiles(join(ROOT, 'fixtures'));

describe('realistic documents', () => {
  it('has samples to check', () => {
    console.log(`realistic documents: ${SAMPLES.length} samples, ${FIXTURES.length} fixture files`);
    expect(SAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each([...SAMPLES, ...FIXTURES].map((file) => [relative(ROOT, file), file]))(
    '%s: no fallback, same headings and fences as remark',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const body = compareWithRemark(text, { from: bodyOffset(text) });
      expect(body.kind === 'disagree' ? body.problems : body.kind === 'fallback' ? body.reason : []).toEqual([]);
      expect(body.kind).toBe('agree');
      // The front-matter read as Markdown is no everyday input, but must still never disagree.
      const whole = compareWithRemark(text);
      expect(whole.kind === 'disagree' ? whole.problems : []).toEqual([]);
    },
  );

  it('finds every heading and task fence of a sample, with their lines', async () => {
    const { scanMarkdown } = await import('../../src/documents/scanner/scan.js');
    const text = readFileSync(join(HERE, 'samples', 'platform-migration.md'), 'utf8');
    const scan = scanMarkdown(text, { from: bodyOffset(text) });
    if (!scan.ok) throw new Error(scan.reason);
    expect(scan.headings.map((h) => [h.level, h.line, h.text])).toEqual([
      [1, 8, 'Move the job runner to the new platform'],
      [2, 10, 'Context'],
      [2, 15, 'Plan'],
      [3, 17, 'Step 1 — Chart values'],
      [3, 34, 'Step 2 — Dual-run'],
      [3, 50, 'Step 3 — Cut over'],
      [4, 67, 'Rollback'],
      [2, 74, 'Open questions'],
      [2, 79, 'Appendix: an example task block'],
    ]);
    expect(scan.fences.map((f) => [f.info, f.line, f.end_line, f.closed])).toEqual([
      ['task', 19, 23, true],
      ['yaml', 25, 32, true],
      ['task', 36, 41, true],
      ['promql', 46, 48, true],
      ['task', 52, 56, true],
      ['mermaid', 58, 65, true],
      ['bash', 69, 72, true],
      ['markdown', 83, 90, true],
      ['text', 92, 96, true],
    ]);
    expect(scan.fences[7].content).toBe('### P9.9 — Example\n\n```task\nid: EXAMPLE-T01\nstatus: todo\n```');
  });
});
