// Reads and parses every planning file of a workspace in one process (the parser's throughput).
import { readFileSync } from 'node:fs';
import { parseFile } from '../dist/documents/parse.js';
import { workspaceFiles } from './lib.mjs';

const files = workspaceFiles(process.argv[2]);
let tasks = 0;
let fallbacks = 0;
for (const file of files) {
  const result = await parseFile(file, readFileSync(file));
  for (const doc of result.documents) tasks += doc.tasks.length;
  if (result.used_fallback) fallbacks++;
}
process.stdout.write(JSON.stringify({ files: files.length, tasks, fallbacks }));
