// What every formatter receives: the diagnostics of a run and how to show a path. Formatters are
// pure functions of it, chosen by name.
import type { WorkspaceMode } from '../../workspace/types.js';
import type { CheckDiagnostic } from '../types.js';

/** The report formats, by name (formatters/index.ts maps each to its formatter). */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'sarif'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export interface ReportInput {
  mode: WorkspaceMode;
  diagnostics: readonly CheckDiagnostic[];
  /** How many files were checked (for the summary). */
  fileCount: number;
  /** A repo file's path as people and CI see it: relative to the current directory, `/`-separated. */
  displayPath(repo: string, file: string): string;
  toolVersion: string;
  paint?: Paint;
}

/** A report for stdout, and a summary for stderr. */
export interface ReportOutput {
  stdout: string;
  stderr: string;
}

export type Formatter = (input: ReportInput) => ReportOutput;

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function countDiagnostics(diagnostics: readonly CheckDiagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (d.fixable) counts.fixable++;
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 problems (1 error, 2 warnings, 0 infos); 1 fixable with --fix` or `no problems`. */
export function summaryLine(input: ReportInput): string {
  const c = countDiagnostics(input.diagnostics);
  const files = plural(input.fileCount, 'file');
  if (input.diagnostics.length === 0) return `no problems (${files} checked)`;
  const fixable = c.fixable > 0 ? `; ${c.fixable} fixable with --fix` : '';
  return `${plural(input.diagnostics.length, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info) in ${files} checked${fixable}`;
}
