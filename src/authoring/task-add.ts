// The edits of `task add`: a new task appended to a workplan in the form the workplan already uses.
// Blocks: a heading and a ```task block after the last task's section. A front-matter `tasks:`
// list: one more item (and its `### T05 — …` section when there is a description). Both forms:
// both. No task yet: a block under a new `##` heading at the end. Pure: text and parse in, edits out.
import type { ParsedDocument, TextEdit } from '../documents/model.js';
import { firstHeadingAfter, sectionAfter } from '../documents/sections.js';
import { LineIndex } from '../documents/text.js';
import { dominantEol, type Eol } from '../edit/text-file.js';
import { shiftEdits } from '../edit/region.js';
import { yamlAppendItem } from '../edit/yaml/append-item.js';
import { renderScalar, type ScalarValue } from '../edit/yaml/scalar-render.js';

export interface NewTask {
  /** The id as it is written in the file (`T05` or `<workplan id>-T05`). */
  id: string;
  title: string;
  status: string;
  priority?: string;
  dependsOn?: readonly string[];
  assignee?: string;
  needsHuman?: boolean;
  description?: string;
}

export function taskAddEdits(text: string, document: ParsedDocument, task: NewTask): TextEdit[] {
  const eol = dominantEol(text);
  const declaredIn = new Set(document.tasks.flatMap((t) => [t.source.kind, ...(t.mirror ? [t.mirror.source.kind] : [])]));
  const listed = declaredIn.has('list');
  const blocks = declaredIn.has('block') || !listed;
  const lines = new LineIndex(text);
  const edits: TextEdit[] = [];
  if (listed) edits.push(...listItemEdits(text, document, task, eol));
  if (blocks) edits.push(blockEdits(text, lines, document, task, eol));
  else if (task.description) edits.push(atEnd(text, lines, lines.lineCount, `### ${task.id} — ${task.title}${eol}${eol}${task.description}`, eol));
  return edits;
}

function listItemEdits(text: string, document: ParsedDocument, task: NewTask, eol: Eol): TextEdit[] {
  const region = document.frontmatter!;
  const item: Record<string, ScalarValue | readonly ScalarValue[]> = {
    id: task.id,
    title: task.title,
    status: task.status,
  };
  if (task.priority) item.priority = task.priority;
  if (task.dependsOn?.length) item.depends_on = [...task.dependsOn];
  if (task.needsHuman) item.needs_human = true;
  if (task.assignee) item.assignee = task.assignee;
  const yaml = text.slice(region.start, region.end);
  return shiftEdits(yamlAppendItem(yaml, ['tasks'], item, { eol }), region.start);
}

/** A heading and a block after the section of the last block-declared task (or at the end). */
function blockEdits(text: string, lines: LineIndex, document: ParsedDocument, task: NewTask, eol: string): TextEdit {
  const fences = document.tasks
    .flatMap((t) => [t.source, ...(t.mirror ? [t.mirror.source] : [])])
    .flatMap((source) => (source.kind === 'block' ? [source.fence] : []));
  const last = fences.sort((a, b) => a.line - b.line).at(-1);
  let level = 2;
  let afterLine = lines.lineCount;
  if (last) {
    const above = firstHeadingAfter(document.headings, last.line - 1);
    const heading = above > 0 ? document.headings[above - 1] : undefined;
    level = heading && heading.level >= 2 ? heading.level : 2;
    afterLine = Math.min(lines.lineCount, sectionAfter(document.headings, last.end_line, level, Infinity).to);
  }
  const fields = [`id: ${renderScalar(task.id, 'plain', false)}`, `status: ${task.status}`];
  if (task.priority) fields.push(`priority: ${task.priority}`);
  if (task.dependsOn?.length) fields.push(`depends_on: [${task.dependsOn.map((id) => renderScalar(id, 'plain', true)).join(', ')}]`);
  if (task.needsHuman) fields.push('needs_human: true');
  if (task.assignee) fields.push(`assignee: ${renderScalar(task.assignee, 'plain', false)}`);
  const parts = [`${'#'.repeat(level)} ${task.title}`, ['```task', ...fields, '```'].join(eol)];
  if (task.description) parts.push(task.description.replace(/\r?\n/g, eol));
  return atEnd(text, lines, afterLine, parts.join(eol + eol), eol);
}

/** Inserts `block` after the last non-blank line up to `line`, separated by one blank line. */
function atEnd(text: string, lines: LineIndex, line: number, block: string, eol: string): TextEdit {
  let at = line;
  while (at > 1 && lines.lineText(at).trim() === '') at--;
  const offset = lines.lineEnd(at);
  const empty = text.slice(0, offset).trim() === '';
  return { start: offset, end: offset, text: `${empty ? '' : eol + eol}${block}${offset === text.length ? eol : ''}` };
}
