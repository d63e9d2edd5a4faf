// Reads and parses every planning file of a workspace in one process (the parser's throughput).
// It reads the same file list as the read floor (bench/lib.mjs fileFloors), so the two differ
// only by the parsing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../dist/documents/parse.js';

const files = JSON.parse(readFileSync(join(process.argv[2], '.bench-files.json'), 'utf8'));
let tasks = 0;
let fallbacks = 0;
for (const file of files) {
  const result = await parseFile(file, readFileSync(file));
  for (const doc of result.documents) tasks += doc.tasks.length;
  if (result.used_fallback) fallbacks++;
}
process.stdout.write(JSON.stringify({ files: files.length, tasks, fallbacks }));
