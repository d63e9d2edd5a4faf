// What an editing command (domain add, repo path, domain rename, …) reports: the JSON document
// with the edits it made or would make, or a summary line (a dry run prints the diffs).
import { relative } from 'node:path';
import { unifiedDiff } from '../../edit/index.js';
import { writeJson, writeLines } from '../output.js';

export interface FileEdit {
  /** Null for the registry files; otherwise the repo the document belongs to. */
  repo_slug: string | null;
  /** Relative to the repo root (documents) or the workspace folder (registry files). */
  file: string;
  /** Absolute path, for the human diff's label. */
  path: string;
  before: string;
  after: string;
  /** Diff labelled with `file`. */
  diff: string;
}

export interface EditWarning {
  code: string;
  message: string;
}

export function editJson(edit: FileEdit) {
  return { repo_slug: edit.repo_slug, file: edit.file, diff: edit.diff };
}

export interface EditReport {
  kind: string;
  json: boolean;
  dryRun: boolean;
  changed: boolean;
  edits: readonly FileEdit[];
  /** Command-specific fields of the JSON document (placed before changed/dry_run/edits). */
  body: Record<string, unknown>;
  /** Extra fields after `edits`. */
  tail?: Record<string, unknown>;
  warnings?: readonly EditWarning[];
  /** What happened, for people: one line per change. */
  summary: string[];
}

export function writeEditReport(report: EditReport): void {
  for (const warning of report.warnings ?? []) process.stderr.write(`custodian: warning: ${warning.message}\n`);
  if (report.json) {
    writeJson({
      schema_version: 1,
      kind: report.kind,
      ...report.body,
      changed: report.changed,
      dry_run: report.dryRun,
      edits: report.edits.map(editJson),
      ...report.tail,
      warnings: report.warnings ?? [],
    });
    return;
  }
  if (report.dryRun) {
    const diffs = report.edits.map((e) => unifiedDiff(e.before, e.after, relative(process.cwd(), e.path) || e.path));
    if (diffs.length) process.stdout.write(diffs.join(''));
    process.stderr.write(`custodian: dry run: ${report.edits.length} file${report.edits.length === 1 ? '' : 's'} would change, nothing was written\n`);
    return;
  }
  writeLines(report.summary);
}
