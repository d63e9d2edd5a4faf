// The snapshot's bytes: the same indentation as every JSON document the CLI prints, and a final
// newline. One function, so `export` to stdout, to a file and `hub push` upload the same bytes.
import type { SnapshotDocument } from './types.js';

export function snapshotText(snapshot: SnapshotDocument): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
