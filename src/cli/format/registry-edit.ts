// What an editing command (domain add, repo path, domain rename, …) shows people: its warnings on
// stderr, then the JSON document, the diffs of a dry run, or a summary of what changed.
import type { EditDocumentFields } from '../../api/registry-context.js';
import { writeJson, writeLines } from '../output.js';

/** `summary`: what happened, one line per change (printed when it was no dry run). */
export function writeEditReport(doc: EditDocumentFields, json: boolean, summary: () => string[]): void {
  for (const warning of doc.warnings) process.stderr.write(`custodian: warning: ${warning.message}\n`);
  if (json) {
    writeJson(doc);
    return;
  }
  if (doc.dry_run) {
    const diffs = doc.edits.map((e) => e.diff);
    if (diffs.length) process.stdout.write(diffs.join(''));
    process.stderr.write(`custodian: dry run: ${doc.edits.length} file${doc.edits.length === 1 ? '' : 's'} would change, nothing was written\n`);
    return;
  }
  writeLines(summary());
}
