// Throughput of the line scanner on ~70 MB of realistic workplans (10,000 files of ~7 KB),
// the sync's everyday input. Run: npx vite-node test/scanner/bench-scan.ts
// Not a test: timings depend on the machine; the numbers go into reports.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanMarkdown } from '../../src/documents/scanner/scan.js';
import { bodyOffset } from './body-offset.js';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), 'samples');
const FILES = Number(process.env.FILES ?? 10_000);
const TARGET_SIZE = 7 * 1024;

/** 10,000 distinct ~7 KB workplans stitched from the samples' bodies, ids renumbered. */
function makeCorpus(): string[] {
  const bodies = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(SAMPLES, f), 'utf8'))
    .map((t) => t.slice(bodyOffset(t)));
  const corpus: string[] = [];
  for (let i = 0; i < FILES; i++) {
    let text = `---\nid: BENCH-WP-${i}\ntype: workplan\nstatus: active\n---\n`;
    for (let k = i; text.length < TARGET_SIZE; k++) text += bodies[k % bodies.length].replace(/-T0(\d)/g, `-T${i}$1`) + '\n';
    corpus.push(text);
  }
  return corpus;
}

const corpus = makeCorpus();
const froms = corpus.map(bodyOffset);
const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
let fences = 0;
let fallbacks = 0;
/** Wall and CPU milliseconds of one pass of `work` over the corpus. */
function time(work: (text: string, from: number) => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i++) work(corpus[i], froms[i]);
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

// Baseline: only finding the line endings, the least any line scanner must do.
let lineCount = 0;
const baseline = time((text, from) => {
  for (let pos = from; pos < text.length; lineCount++) {
    const end = text.indexOf('\n', pos);
    pos = end === -1 ? text.length : end + 1;
  }
});
const runs: { wall: number; cpu: number }[] = [];
for (let run = 0; run < 7; run++) {
  fences = 0;
  fallbacks = 0;
  runs.push(
    time((text, from) => {
      const outcome = scanMarkdown(text, { from });
      if (outcome.ok) fences += outcome.fences.length;
      else fallbacks++;
    }),
  );
}
const best = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
const mbps = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(0);
console.log(
  `${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${lineCount} lines, ${fences} fences, ${fallbacks} fallbacks\n` +
    `line endings only: ${baseline.wall.toFixed(0)} ms\n` +
    `scan runs, wall/cpu ms: ${runs.map((r) => `${r.wall.toFixed(0)}/${r.cpu.toFixed(0)}`).join(', ')}\n` +
    `best: ${best.cpu.toFixed(0)} ms CPU = ${mbps(best.cpu)} MB/s (wall ${best.wall.toFixed(0)} ms)`,
);
