// From edits of a YAML text to edits of the Markdown file holding it. A front-matter is a
// verbatim slice of the file (shift the offsets); a task block's YAML had container prefixes
// (`> `, list indentation, the fence's indentation) removed from every line, so each line maps
// on its own and an inserted line gets the prefix back, with the file's line ending.
import type { Region, TaskSource, TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import { dominantEol } from './text-file.js';
import type { YamlPath } from './yaml/cst-path.js';
import type { ScalarValue } from './yaml/scalar-render.js';
import { yamlSetValue, type YamlSetOptions } from './yaml/set-value.js';

export type YamlRegionTarget =
  | { kind: 'frontmatter'; region: Region }
  | { kind: 'block'; yaml: string; content_offsets: number[] };

/** The one call for callers: edits of the file text that set `path` inside the target's YAML. */
export function setYamlValueInRegion(
  fileText: string,
  target: YamlRegionTarget,
  path: YamlPath,
  value: ScalarValue,
  options: YamlSetOptions = {},
): TextEdit[] {
  const eol = options.eol ?? dominantEol(fileText);
  if (target.kind === 'frontmatter') {
    const yaml = fileText.slice(target.region.start, target.region.end);
    return shiftEdits(yamlSetValue(yaml, path, value, { ...options, eol }), target.region.start);
  }
  const lines = blockLines(fileText, target);
  return mapBlockEdits(fileText, lines, yamlSetValue(target.yaml, path, value, { ...options, eol }));
}

export function shiftEdits(edits: readonly TextEdit[], by: number): TextEdit[] {
  return edits.map((edit) => ({ start: edit.start + by, end: edit.end + by, text: edit.text }));
}

/** Maps edits of a task block's YAML to the file. */
export function blockEditsToFile(
  fileText: string,
  target: { yaml: string; content_offsets: number[] },
  edits: readonly TextEdit[],
): TextEdit[] {
  return mapBlockEdits(fileText, blockLines(fileText, target), edits);
}

interface BlockLine {
  /** Offset of the line in the YAML text, its length, and where its content starts in the file. */
  yamlStart: number;
  length: number;
  fileStart: number;
}

/** Pairs each YAML line with its place in the file, refusing a target that does not match the file. */
function blockLines(fileText: string, target: { yaml: string; content_offsets: number[] }): BlockLine[] {
  const texts = target.yaml.split(/\r\n|\n|\r/);
  if (target.content_offsets.length === 0) {
    throw new CustodianError('refused', 'the task block is empty: there is no line to edit');
  }
  const stale = () =>
    new CustodianError('conflict', 'the task block is no longer where it was read (the file changed); retry', {
      details: { reason: 'stale-block' },
    });
  if (texts.length !== target.content_offsets.length) throw stale();
  const lines: BlockLine[] = [];
  let yamlStart = 0;
  texts.forEach((text, i) => {
    const fileStart = target.content_offsets[i];
    if (fileText.slice(fileStart, fileStart + text.length) !== text) throw stale();
    lines.push({ yamlStart, length: text.length, fileStart });
    yamlStart += text.length + lineBreakLength(target.yaml, yamlStart + text.length);
  });
  return lines;
}

function mapBlockEdits(fileText: string, lines: BlockLine[], edits: readonly TextEdit[]): TextEdit[] {
  const prefix = containerPrefix(fileText, lines);
  return edits.map((edit) => {
    const startLine = lineOf(lines, edit.start);
    const eol = eolAfter(fileText, startLine.fileStart + startLine.length) ?? dominantEol(fileText);
    return {
      start: toFile(lines, edit.start),
      end: toFile(lines, edit.end),
      text: edit.text.replace(/\r\n|\n|\r/g, eol + prefix),
    };
  });
}

function lineOf(lines: BlockLine[], offset: number): BlockLine {
  let found = lines[0];
  for (const line of lines) {
    if (line.yamlStart > offset) break;
    found = line;
  }
  return found;
}

function toFile(lines: BlockLine[], offset: number): number {
  const line = lineOf(lines, offset);
  const column = offset - line.yamlStart;
  if (column > line.length) throw new CustodianError('internal', `offset ${offset} falls inside a line break of the task block`);
  return line.fileStart + column;
}

/**
 * What precedes a content line in the file. Every non-blank line of a fence carries the full
 * prefix (a blank line inside a list item may carry none), so the longest one is the prefix a
 * new line needs; a shorter one would let CommonMark strip part of the YAML's own indentation.
 */
function containerPrefix(fileText: string, lines: BlockLine[]): string {
  let best = '';
  for (const line of lines) {
    if (line.length === 0 || fileText.slice(line.fileStart, line.fileStart + line.length).trim() === '') continue;
    const prefix = fileText.slice(lineStartBefore(fileText, line.fileStart), line.fileStart);
    if (prefix.length > best.length) best = prefix;
  }
  return best;
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function eolAfter(text: string, offset: number): '\n' | '\r\n' | '\r' | null {
  if (text.startsWith('\r\n', offset)) return '\r\n';
  if (text[offset] === '\n') return '\n';
  if (text[offset] === '\r') return '\r';
  return null;
}

function lineBreakLength(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
}

/** Where a task's YAML lives and the path of the task's mapping inside it. */
export function taskYamlTarget(source: TaskSource, frontmatter: Region | null): { target: YamlRegionTarget; path: YamlPath } {
  switch (source.kind) {
    case 'block':
      return { target: { kind: 'block', yaml: source.yaml, content_offsets: source.content_offsets }, path: [] };
    case 'list':
      if (!frontmatter) throw new CustodianError('internal', 'a front-matter task list item needs the front-matter region');
      return { target: { kind: 'frontmatter', region: frontmatter }, path: ['tasks', source.index] };
    case 'file':
      return { target: { kind: 'frontmatter', region: source.frontmatter }, path: [] };
  }
}

/** Edits of the file text that set one key of a task, wherever the task is declared. */
export function setTaskField(
  fileText: string,
  source: TaskSource,
  frontmatter: Region | null,
  key: string,
  value: ScalarValue,
  options: YamlSetOptions = {},
): TextEdit[] {
  const { target, path } = taskYamlTarget(source, frontmatter);
  return setYamlValueInRegion(fileText, target, [...path, key], value, options);
}
