// Descriptions and acceptance criteria: Markdown sections cut out of the body by line range.
import type { AcceptanceCriterion, Heading } from './model.js';
import { toLf, type LineIndex } from './text.js';

export interface Section {
  /** First and last line of the section's content (after its heading or block). */
  from: number;
  to: number;
}

/** Lines that belong to fenced code, where checkboxes and headings do not count. */
export type CodeLines = (line: number) => boolean;

/**
 * The section starting after `afterLine` and running to the line before the next heading of
 * `level` or higher (any heading when level is null), or before `stopLine`.
 */
export function sectionAfter(
  headings: readonly Heading[],
  afterLine: number,
  level: number | null,
  stopLine: number,
): Section {
  let to = stopLine - 1;
  for (let i = firstHeadingAfter(headings, afterLine); i < headings.length; i++) {
    const heading = headings[i];
    if (heading.line > to) break;
    if (level === null || heading.level <= level) {
      to = heading.line - 1;
      break;
    }
  }
  return { from: afterLine + 1, to };
}

/** Index of the first heading below `line` (headings are in line order). */
export function firstHeadingAfter(headings: readonly Heading[], line: number): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The section's text with leading and trailing blank lines removed, and its line range. */
export function sectionText(lines: LineIndex, section: Section): { text: string; range: [number, number] | null } {
  let from = section.from;
  let to = Math.min(section.to, lines.lineCount);
  while (from <= to && lines.lineText(from).trim() === '') from++;
  while (to >= from && lines.lineText(to).trim() === '') to--;
  if (from > to) return { text: '', range: null };
  const text = toLf(lines.text.slice(lines.lineStart(from), lines.lineEnd(to)));
  return { text, range: [from, to] };
}

const CHECKBOX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\][ \t]+(.*)$/;
const ACCEPTANCE_HEADING = /acceptance/i;
const ACCEPTANCE_LABEL = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:\*\*|__)?acceptance(?: criteria)?:?(?:\*\*|__)?:?[ \t]*$/i;

/**
 * GitHub task-list checkboxes of a section: those under an "Acceptance …" heading or label when
 * there is one, else every checkbox of the section. Checkboxes inside fenced code do not count.
 */
export function acceptanceCriteria(
  lines: LineIndex,
  headings: readonly Heading[],
  section: Section,
  inCode: CodeLines,
): AcceptanceCriterion[] {
  let heading: Heading | undefined;
  for (let i = firstHeadingAfter(headings, section.from - 1); i < headings.length && headings[i].line <= section.to; i++) {
    if (ACCEPTANCE_HEADING.test(headings[i].text)) {
      heading = headings[i];
      break;
    }
  }
  let range: Section = section;
  if (heading) {
    range = sectionAfter(headings, heading.line, heading.level, section.to + 1);
  } else {
    for (let line = section.from; line <= Math.min(section.to, lines.lineCount); line++) {
      if (!inCode(line) && ACCEPTANCE_LABEL.test(lines.lineText(line))) {
        range = { from: line + 1, to: section.to };
        break;
      }
    }
  }
  const found: AcceptanceCriterion[] = [];
  const last = Math.min(range.to, lines.lineCount);
  for (let line = range.from; line <= last; line++) {
    if (inCode(line)) continue;
    const match = CHECKBOX.exec(lines.lineText(line));
    if (match) found.push({ text: match[2].trim(), checked: match[1] !== ' ', line });
  }
  return found;
}
