// Inline suppression comments:
//   <!-- custodian-disable-next-line rule-id[, rule-id] -->   the next line (a whole fenced
//       block when the next line opens one, since a comment cannot go inside a task's YAML)
//   <!-- custodian-disable rule-id -->                         the whole file
//   # custodian-disable-next-line rule-id                      inside front-matter or a task block
// No id means every rule; ` -- ` starts a free-text reason. Comments inside fenced code (other
// than task blocks' YAML comments) are examples, not directives.
import type { ParseResult } from '../documents/model.js';
import { scanBlocks } from '../documents/scanner/index.js';
import type { LineIndex } from '../documents/text.js';

export interface Suppressions {
  suppresses(ruleId: string, line: number): boolean;
}

const HTML = /<!--\s*custodian-disable(-next-line)?(?:\s+(.*?))?\s*-->/g;
const YAML = /^\s*(?:>\s*)*#\s*custodian-disable(-next-line)?(?:\s+(.*?))?\s*$/;

interface Range {
  from: number;
  to: number;
  ids: Set<string> | null;
}

export async function findSuppressions(lines: LineIndex, result: ParseResult): Promise<Suppressions | null> {
  const { text } = lines;
  if (!text.includes('custodian-disable')) return null;
  const yamlLines = yamlLineSet(result);
  const bodyStart = bodyStartOffset(lines, result);
  const scan = await scanBlocks(text, { from: bodyStart });
  const fenceAt = new Map(scan.fences.map((f) => [f.line, f]));
  const inFence = (line: number) => scan.fences.some((f) => line >= f.line && line <= f.end_line);
  const ranges: Range[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes('custodian-disable')) continue;
    if (yamlLines.has(line)) {
      const m = YAML.exec(content);
      if (m?.[1]) ranges.push({ from: line + 1, to: line + 1, ids: ruleIds(m[2]) });
      continue;
    }
    if (lines.lineStart(line) < bodyStart || inFence(line)) continue;
    for (const m of content.matchAll(HTML)) {
      if (!m[1]) {
        ranges.push({ from: 1, to: Infinity, ids: ruleIds(m[2]) });
        continue;
      }
      const fence = fenceAt.get(line + 1);
      ranges.push({ from: line + 1, to: fence ? fence.end_line : line + 1, ids: ruleIds(m[2]) });
    }
  }
  if (ranges.length === 0) return null;
  return {
    suppresses: (ruleId, line) => ranges.some((r) => line >= r.from && line <= r.to && (r.ids === null || r.ids.has(ruleId))),
  };
}

function ruleIds(text: string | undefined): Set<string> | null {
  const [ids] = (text ?? '').split(/(?:^|\s)--(?:\s|$)/);
  const list = ids.split(/[\s,]+/).filter((id) => id !== '');
  return list.length === 0 ? null : new Set(list);
}

/** Lines of YAML: the front-matter and every task block's content. */
function yamlLineSet(result: ParseResult): Set<number> {
  const set = new Set<number>();
  for (const doc of result.documents) {
    if (doc.frontmatter) for (let l = doc.frontmatter.line + 1; l < doc.frontmatter.end_line; l++) set.add(l);
    for (const task of doc.tasks) {
      for (const source of [task.source, task.mirror?.source]) {
        if (source?.kind !== 'block') continue;
        for (let l = source.content.line; l <= source.content.end_line; l++) set.add(l);
      }
    }
  }
  return set;
}

function bodyStartOffset(lines: LineIndex, result: ParseResult): number {
  const fm = result.documents[0]?.frontmatter;
  if (!fm) return 0;
  return fm.end_line < lines.lineCount ? lines.lineStart(fm.end_line + 1) : lines.text.length;
}
