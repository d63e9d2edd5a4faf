// What the per-kind readers share while one file is parsed.
import { PARSER_RULES, type Diagnostic, type Heading, type ParserRuleId } from './model.js';
import type { ScannedFence } from './scanner/types.js';
import type { LineIndex } from './text.js';

export interface ParseContext {
  file: string;
  lines: LineIndex;
  headings: Heading[];
  fences: ScannedFence[];
  diagnostics: Diagnostic[];
  /** True for lines inside fenced code (checkboxes and headings there do not count). */
  inCode(line: number): boolean;
}

/** Reports a parser diagnostic; its severity is the rule's (PARSER_RULES). */
export function report(
  ctx: Pick<ParseContext, 'file' | 'diagnostics'>,
  rule_id: ParserRuleId,
  message: string,
  at: { line: number; column: number; end_line?: number; end_column?: number },
): void {
  ctx.diagnostics.push({
    rule_id,
    severity: PARSER_RULES[rule_id],
    message,
    file: ctx.file,
    line: at.line,
    column: at.column,
    end_line: at.end_line ?? at.line,
    end_column: at.end_column ?? at.column,
  });
}

/** Whether a line lies inside fenced code: a binary search over the fences, which come in line order. */
export function inFencedCode(fences: readonly ScannedFence[]): (line: number) => boolean {
  if (fences.length === 0) return () => false;
  return (line) => {
    let lo = 0;
    let hi = fences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const fence = fences[mid];
      if (line < fence.line) hi = mid - 1;
      else if (line > fence.end_line) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
