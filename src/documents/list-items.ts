// Where each item of a top-level block sequence sits in the front-matter, found by a line scan
// (the fast YAML reader gives values, not positions). When the scan and the parsed list disagree
// in length (flow style, exotic layout), every item is placed at the key's line instead.
import type { Region } from './model.js';
import type { LineIndex } from './text.js';

const ITEM = /^([ \t]*)-(?:[ \t]|$)/;

export function sequenceItemRegions(
  lines: LineIndex,
  firstLine: number,
  lastLine: number,
  key: string,
  expected: number,
): Region[] {
  const keyPattern = new RegExp(`^(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')[ \\t]*:[ \\t]*(#.*)?$`);
  let keyLine = 0;
  for (let line = firstLine; line <= lastLine; line++) {
    if (keyPattern.test(lines.lineText(line))) {
      keyLine = line;
      break;
    }
  }
  const items: Region[] = [];
  if (keyLine > 0) scanItems(lines, keyLine + 1, lastLine, items);
  if (items.length === expected) return items;
  const at = keyLine > 0 ? keyLine : firstLine;
  const region = { start: lines.lineStart(at), end: lines.lineEnd(at), line: at, end_line: at };
  return Array.from({ length: expected }, () => ({ ...region }));
}

function scanItems(lines: LineIndex, from: number, lastLine: number, items: Region[]): void {
  let indent = -1;
  let lastContent = 0;
  const close = () => {
    const item = items[items.length - 1];
    if (item) {
      item.end_line = lastContent;
      item.end = lines.lineEnd(lastContent);
    }
  };
  for (let line = from; line <= lastLine; line++) {
    const text = lines.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lineIndent = text.length - trimmed.length;
    const item = ITEM.exec(text);
    if (indent < 0) {
      if (!item) return;
      indent = item[1].length;
    }
    if (item && item[1].length === indent) {
      close();
      items.push({ start: lines.lineStart(line), end: lines.lineEnd(line), line, end_line: line });
    } else if (lineIndent <= indent) {
      break;
    }
    lastContent = line;
  }
  close();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
