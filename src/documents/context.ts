// What the per-kind readers share while one file is parsed.
import type { Diagnostic, Heading, Severity } from './model.js';
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

export function report(
  ctx: Pick<ParseContext, 'file' | 'diagnostics'>,
  rule_id: string,
  severity: Severity,
  message: string,
  at: { line: number; column: number; end_line?: number; end_column?: number },
): void {
  ctx.diagnostics.push({
    rule_id,
    severity,
    message,
    file: ctx.file,
    line: at.line,
    column: at.column,
    end_line: at.end_line ?? at.line,
    end_column: at.end_column ?? at.column,
  });
}

/** Marks the lines covered by fenced code, for O(1) lookups. */
export function codeLineSet(fences: readonly ScannedFence[]): (line: number) => boolean {
  if (fences.length === 0) return () => false;
  const lines = new Set<number>();
  for (const fence of fences) for (let line = fence.line; line <= fence.end_line; line++) lines.add(line);
  return (line) => lines.has(line);
}
