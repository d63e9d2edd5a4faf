// The parser: file text in, documents and diagnostics out. Pure apart from lazily loading the
// remark fallback for a file the CommonMark scanner declares beyond it.
import { inFencedCode, report, type ParseContext } from './context.js';
import { isMapping, qualifyTaskId, rawScalar, scalarText, stringField, taskValues, type Fields } from './fields.js';
import { splitFrontmatter, type FrontmatterSplit } from './frontmatter.js';
import { sequenceItemRegions } from './list-items.js';
import type { Diagnostic, DocumentKind, Heading, ParsedDocument, ParseResult, Region, Task } from './model.js';
import { scanBlocks } from './scanner/index.js';
import { acceptanceCriteria, sectionAfter, sectionText } from './sections.js';
import { isTaskFence, taskBlocks } from './task-blocks.js';
import { listTasks, mergeDeclarations } from './task-list.js';
import { decodeBytes, LineIndex, toLf } from './text.js';
import { DOCUMENT_KINDS, kindFromPath, normaliseStatus } from './vocabulary.js';
import { readYaml } from './yaml/read.js';

/**
 * Parses one file. `file` is the path reported in diagnostics; its folders decide a kind without
 * `type`. `input` is the file's bytes, or its text with the BOM already taken off (as readTextFile
 * and decodeBytes give it): a second U+FEFF is text, so stripping here again would make a file
 * with two BOMs parse differently in check and edits than in sync.
 */
export async function parseFile(file: string, input: Uint8Array | string): Promise<ParseResult> {
  const diagnostics: Diagnostic[] = [];
  const result: ParseResult = { file, documents: [], diagnostics, used_fallback: false };
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeBytes(input);
    if (!decoded.ok) {
      report(result, 'file/unreadable', `Unreadable file: ${decoded.reason}`, { line: decoded.line ?? 1, column: decoded.column ?? 1 });
      return result;
    }
    text = decoded.text;
  }
  const lines = new LineIndex(text);
  const split = splitFrontmatter(lines);
  if (split.kind === 'none') {
    report(result, 'frontmatter/missing', 'No front-matter: expected the file to start with a `---` line, YAML keys (id, …) and a closing `---` line; the file is skipped', {
      line: 1,
      column: 1,
    });
    return result;
  }
  const frontmatter = readFrontmatter(result, lines, split);
  const scan = await scanBlocks(text, { from: split.bodyStart });
  result.used_fallback = scan.used_fallback;
  if (scan.failure) {
    // What ended before the declined line is kept (its tasks still count); the rest is unread, and says so.
    const { line, reason, transient } = scan.failure;
    report(result, 'file/scan-failed', `Markdown body not read from line ${line} on (${reason}): task blocks and headings from there are not seen`, {
      line,
      column: 1,
      end_line: line,
      end_column: lines.lineEnd(line) - lines.lineStart(line) + 1,
    });
    if (transient) result.transient = true;
  }
  const headings: Heading[] = scan.headings.map((h) => ({ level: h.level, text: h.text, line: h.line, column: h.column, offset: h.offset }));
  const ctx: ParseContext = { file, lines, headings, fences: scan.fences, diagnostics, inCode: inFencedCode(scan.fences) };
  result.documents.push(buildDocument(ctx, frontmatter));
  return result;
}

/** The result for a file that could not be read as text at all (missing, binary, too large, a link out). */
export function unreadableResult(file: string, reason: string): ParseResult {
  const result: ParseResult = { file, documents: [], diagnostics: [], used_fallback: false };
  report(result, 'file/unreadable', `Unreadable file: ${reason}`, { line: 1, column: 1 });
  return result;
}

interface FrontmatterRead {
  fields: Fields;
  valid: boolean;
  region: Region | null;
  endLine: number;
}

function readFrontmatter(result: ParseResult, lines: LineIndex, split: Exclude<FrontmatterSplit, { kind: 'none' }>): FrontmatterRead {
  if (split.kind === 'unterminated') {
    report(result, 'frontmatter/unterminated', 'Unterminated front-matter: the opening `---` on line 1 has no closing `---` line; the rest of the file is read as the body', {
      line: 1,
      column: 1,
      end_line: 1,
      end_column: 4,
    });
    return { fields: {}, valid: false, region: null, endLine: 1 };
  }
  const region: Region = { start: split.yamlStart, end: split.yamlEnd, line: 1, end_line: split.endLine };
  if (split.kind === 'engine') {
    report(result, 'frontmatter/parse', `Front-matter engine \`${split.language}\` is not supported (nothing is executed): expected plain \`---\` YAML`, {
      line: 1,
      column: 4,
      end_line: 1,
      end_column: 4 + split.language.length,
    });
    return { fields: {}, valid: false, region, endLine: split.endLine };
  }
  const yaml = readYaml(toLf(lines.text.slice(split.yamlStart, split.yamlEnd)));
  if (!yaml.ok) {
    const { problem } = yaml;
    report(result, 'frontmatter/parse', `Invalid front-matter: ${problem.message}`, { line: problem.line + 1, column: problem.column });
    return { fields: {}, valid: false, region, endLine: split.endLine };
  }
  if (yaml.value !== null && !isMapping(yaml.value)) {
    report(result, 'frontmatter/parse', 'Invalid front-matter: expected a mapping of keys (id: …, title: …)', { line: 2, column: 1 });
    return { fields: {}, valid: false, region, endLine: split.endLine };
  }
  return { fields: (yaml.value as Fields | null) ?? {}, valid: true, region, endLine: split.endLine };
}

function documentKind(file: string, fields: Fields): DocumentKind {
  const type = stringField(fields, 'type');
  return type !== null && (DOCUMENT_KINDS as readonly string[]).includes(type) ? (type as DocumentKind) : kindFromPath(file);
}

function buildDocument(ctx: ParseContext, fm: FrontmatterRead): ParsedDocument {
  const kind = documentKind(ctx.file, fm.fields);
  const id = stringField(fm.fields, 'id');
  const statusRaw = rawScalar(fm.fields.status);
  const firstTitle = ctx.headings.find((h) => h.level === 1)?.text ?? null;
  const document: ParsedDocument = {
    kind,
    id,
    title: stringField(fm.fields, 'title') ?? (kind === 'task' ? stringField(fm.fields, 'name') : null) ?? firstTitle,
    status: statusRaw === null ? defaultStatus(kind) : normaliseStatus(kind, statusRaw).value,
    status_raw: statusRaw,
    line: 1,
    column: 1,
    fields: fm.fields,
    valid: fm.valid,
    description: '',
    frontmatter: fm.region,
    tasks: [],
    headings: ctx.headings,
  };
  if (kind === 'workplan') document.tasks = workplanTasks(ctx, fm, id);
  else if (kind === 'task' && fm.valid && fm.region) document.tasks = [fileTask(ctx, document, fm.region)];
  document.description = kind === 'task' ? (document.tasks[0]?.description ?? '') : introduction(ctx, fm.endLine, kind === 'workplan');
  return document;
}

/**
 * The body's opening text, without its `#` title: up to the first task block or second-level
 * heading when `upToFirstSection` (a workplan's tasks have their own descriptions), else all of it.
 */
function introduction(ctx: ParseContext, frontmatterEnd: number, upToFirstSection: boolean): string {
  let from = frontmatterEnd + 1;
  let to = ctx.lines.lineCount;
  if (upToFirstSection) {
    const section = ctx.headings.find((h) => h.line >= from && h.level >= 2);
    const fence = ctx.fences.find((f) => f.line >= from && isTaskFence(f));
    to = Math.min(to, (section?.line ?? Infinity) - 1, (fence?.line ?? Infinity) - 1);
  }
  const title = ctx.headings.find((h) => h.line >= from && h.line <= to && h.level === 1);
  if (title && ctx.lines.lineText(title.line).trim() !== '' && !hasTextBetween(ctx, from, title.line)) {
    from = title.line + 1;
    // A setext title's underline belongs to it.
    if (from <= to && /^ {0,3}=+[ \t]*$/.test(ctx.lines.lineText(from))) from++;
  }
  return sectionText(ctx.lines, { from, to }).text;
}

function hasTextBetween(ctx: ParseContext, from: number, to: number): boolean {
  for (let line = from; line < to; line++) if (ctx.lines.lineText(line).trim() !== '') return true;
  return false;
}

function defaultStatus(kind: DocumentKind): string | null {
  if (kind === 'workplan') return 'active';
  if (kind === 'task') return 'todo';
  return null;
}

function workplanTasks(ctx: ParseContext, fm: FrontmatterRead, workplanId: string | null): Task[] {
  const blocks = taskBlocks(ctx, workplanId);
  const items = fm.fields.tasks;
  if (!Array.isArray(items) || !fm.region) return blocks;
  const regions = sequenceItemRegions(ctx.lines, 2, fm.region.end_line - 1, 'tasks', items.length);
  return mergeDeclarations(listTasks(ctx, items, regions, workplanId), blocks);
}

/** A one-task-per-file document: the front-matter is the task, `## Description` its description. */
function fileTask(ctx: ParseContext, document: ParsedDocument, region: Region): Task {
  const { fields } = document;
  const workplanId = stringField(fields, 'workplan');
  const { id, local_id } = qualifyTaskId(document.id, workplanId);
  if (document.id === null) report(ctx, 'task/missing-id', 'Task file has no id, expected an `id:` key in the front-matter', { line: 1, column: 1 });
  const bodyFrom = region.end_line;
  const describedBy = ctx.headings.find((h) => h.line > bodyFrom && /^description$/i.test(h.text.trim()));
  const section = describedBy
    ? sectionAfter(ctx.headings, describedBy.line, describedBy.level, Infinity)
    : { from: bodyFrom + 1, to: ctx.lines.lineCount };
  const description = sectionText(ctx.lines, section);
  const body = { from: bodyFrom + 1, to: ctx.lines.lineCount };
  return {
    id,
    local_id,
    title: document.title ?? scalarText(id) ?? '',
    ...taskValues(fields),
    workplan_id: workplanId,
    line: 1,
    column: 1,
    end_line: region.end_line,
    description: description.text,
    description_lines: description.range,
    acceptance_criteria: acceptanceCriteria(ctx.lines, ctx.headings, body, ctx.inCode),
    fields,
    source: { kind: 'file', frontmatter: region },
  };
}
