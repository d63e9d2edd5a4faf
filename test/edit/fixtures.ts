// Test helpers: the targets the document parser hands to the edit engine, computed for fixtures
// whose container prefix is known, and remark as the CommonMark oracle for the edited files.
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Region } from '../../src/documents/model.js';

interface Line {
  text: string;
  start: number;
}

function lines(text: string): Line[] {
  const result: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    result.push({ text: match[1], start: match.index });
    if (match[2] === '') break;
  }
  return result;
}

/**
 * The first task block's YAML and content offsets, for a fence whose lines all start with
 * `prefix` (`> `, list indentation); a blank line may carry less of it, as CommonMark allows.
 */
export function blockTarget(text: string, prefix: string): { yaml: string; content_offsets: number[] } {
  const all = lines(text);
  const open = all.findIndex((line) => line.text.startsWith(prefix) && /^(`{3,}|~{3,})task/.test(line.text.slice(prefix.length)));
  if (open === -1) throw new Error('no task fence in fixture');
  const yaml: string[] = [];
  const offsets: number[] = [];
  for (const line of all.slice(open + 1)) {
    let removed = 0;
    while (removed < prefix.length && line.text[removed] === prefix[removed]) removed++;
    const content = line.text.slice(removed);
    if (/^(`{3,}|~{3,})\s*$/.test(content)) break;
    yaml.push(content);
    offsets.push(line.start + removed);
  }
  return { yaml: yaml.join('\n'), content_offsets: offsets };
}

/** The front-matter's YAML region: from the line after the opening `---` to the closing line. */
export function frontmatterRegion(text: string): Region {
  const all = lines(text);
  const close = all.findIndex((line, i) => i > 0 && line.text === '---');
  return { start: all[1].start, end: all[close].start, line: 2, end_line: close };
}

/** The content of every fenced `task` block as CommonMark (remark) reads it, lines joined with '\n' as the parser does. */
export function taskBlocksByCommonMark(text: string): string[] {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code' && (node as Code).lang === 'task') found.push((node as Code).value.replace(/\r\n?/g, '\n'));
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return found;
}
