// What an editing command (domain add, repo path, domain rename, …) shows people: its warnings on
// stderr, then the JSON document, the diffs of a dry run, or a summary of what changed.
import type { EditDocumentFields } from '../../api/registry-context.js';
import { visible } from '../../visible.js';
import { writeDiff, writeJson, writeLines, writeMessage } from '../output.js';

/** `summary`: what happened, one line per change (printed when it was no dry run). */
export function writeEditReport(doc: EditDocumentFields, json: boolean, summary: () => string[]): void {
  for (const warning of doc.warnings) writeMessage(`custodian: warning: ${warning.message}`);
  if (json) {
    writeJson(doc);
    return;
  }
  if (doc.dry_run) {
    writeDiff(doc.edits.map((e) => e.diff).join(''));
    process.stderr.write(`custodian: dry run: ${doc.edits.length} file${doc.edits.length === 1 ? '' : 's'} would change, nothing was written\n`);
    return;
  }
  // The summary is plain text naming slugs and names: each line made visible.
  writeLines(summary().map((line) => visible(line)));
}
