// `parse FILE…`: what the parser makes of files, without the index. A file that cannot be read
// is a `file/unreadable` diagnostic and the others go on. The single-file check rules (those that
// need no registry and no other file) run too, as DESIGN says `parse` does.
import { resolve } from 'node:path';
import type { ParsedDocument, ParseResult, Task } from '../documents/model.js';
import { parseFile, unreadableResult } from '../documents/parse.js';
import { readRepoFile } from '../workspace/repo-file.js';
import { cwdOf } from './context.js';
import { diagnosticItem, type DiagnosticItem } from './items/diagnostic.js';

export interface ParseOptions {
  /** Markdown files, relative to `cwd` or absolute; each is reported under the path as given. */
  files: string[];
  /** Default: `process.cwd()`. */
  cwd?: string;
}

export interface ParsedTaskItem {
  id: string | null;
  local_id: string | null;
  title: string;
  status: Task['status'];
  status_raw: string | null;
  priority: Task['priority'];
  priority_raw: string | null;
  depends_on: string[];
  needs_human: boolean;
  assignee: string | null;
  workplan_id: string | null;
  line: number;
  column: number;
  end_line: number;
  declared_in: string[];
  description: string;
  acceptance_criteria: Task['acceptance_criteria'];
  fields: Record<string, unknown>;
}

export interface ParsedDocumentItem {
  kind: ParsedDocument['kind'];
  id: string | null;
  title: string | null;
  status: string | null;
  status_raw: string | null;
  valid: boolean;
  line: number;
  column: number;
  fields: Record<string, unknown>;
  tasks: ParsedTaskItem[];
}

export interface ParseReportDocument {
  schema_version: 1;
  kind: 'parse-report';
  files: { file: string; documents: ParsedDocumentItem[]; diagnostics: DiagnosticItem[] }[];
}

export async function parse(options: ParseOptions): Promise<ParseReportDocument> {
  const cwd = cwdOf(options);
  const results: ParseResult[] = [];
  for (const file of options.files) results.push(await parseOne(file, resolve(cwd, file)));
  return {
    schema_version: 1,
    kind: 'parse-report',
    files: results.map((result) => ({
      file: result.file,
      documents: result.documents.map(documentItem),
      diagnostics: result.diagnostics.map(diagnosticItem),
    })),
  };
}

async function parseOne(given: string, path: string): Promise<ParseResult> {
  const shown = given.split('\\').join('/');
  // The routine sync and check read with: the same refusals (size cap, not a file), in the same words.
  const read = readRepoFile(null, path);
  if (read === null) return unreadableResult(shown, 'no such file');
  if (!read.ok) return unreadableResult(shown, read.problem);
  const result = await parseFile(shown, read.bytes);
  const { singleFileDiagnostics } = await import('../check/single-file.js');
  return { ...result, diagnostics: await singleFileDiagnostics(result, read.bytes) };
}

function documentItem(doc: ParsedDocument): ParsedDocumentItem {
  return {
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    status: doc.status,
    status_raw: doc.status_raw,
    valid: doc.valid,
    line: doc.line,
    column: doc.column,
    fields: doc.fields,
    tasks: doc.tasks.map(taskItem),
  };
}

function taskItem(task: Task): ParsedTaskItem {
  return {
    id: task.id,
    local_id: task.local_id,
    title: task.title,
    status: task.status,
    status_raw: task.status_raw,
    priority: task.priority,
    priority_raw: task.priority_raw,
    depends_on: task.depends_on,
    needs_human: task.needs_human,
    assignee: task.assignee,
    workplan_id: task.workplan_id,
    line: task.line,
    column: task.column,
    end_line: task.end_line,
    declared_in: task.mirror ? [task.source.kind, task.mirror.source.kind] : [task.source.kind],
    description: task.description,
    acceptance_criteria: task.acceptance_criteria,
    fields: task.fields,
  };
}
