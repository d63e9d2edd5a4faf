// The human view of `search`: one line per result, best first, with the line of text it matched.
import type { SearchDocument } from '../../api/search.js';
import type { Colors } from '../output.js';

export function searchLines(doc: SearchDocument, color: Colors): string[] {
  if (doc.items.length === 0) return [`nothing matches ${JSON.stringify(doc.query)}`];
  const width = Math.max(...doc.items.map((item) => (item.id ?? '(no id)').length));
  const lines: string[] = [];
  for (const item of doc.items) {
    const status = item.status ?? '?';
    lines.push(`${color.bold((item.id ?? '(no id)').padEnd(width))}  ${item.kind.padEnd(16)}  ${status.padEnd(11)}  ${item.title}  ${color.dim(`${item.repo_slug}/${item.file}:${item.line}`)}`);
    if (item.excerpt) lines.push(`${' '.repeat(width + 2)}${color.dim(item.excerpt)}`);
  }
  if (doc.truncated) lines.push(color.dim(`(more results: --limit 0 shows all)`));
  return lines;
}
