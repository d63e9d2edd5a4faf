// Where in the file a YAML key or value of a document or task is: the front-matter is a slice
// of the file, a task block's YAML had its container prefixes removed, so each of its lines maps
// back on its own. Uses locateKey (yaml 2), so only diagnostics pay for it, never the clean path.
import type { ParsedDocument, Region, Task, TaskSource } from '../documents/model.js';
import type { LineIndex } from '../documents/text.js';
import { locateKey } from '../documents/yaml/locate.js';
import { fastLocate } from './fast-locate.js';
import type { Place } from './types.js';

export type YamlPath = (string | number)[];

/** The position of a key's value (its key when the value is empty), else of `fallback`. */
export function frontmatterPlace(lines: LineIndex, region: Region | null, path: YamlPath, fallback: Place): Place {
  if (!region) return fallback;
  const span = valueOrKey(lines.text.slice(region.start, region.end), path);
  if (!span) return fallback;
  return placeOf(lines, region.start + span.start, region.start + span.end);
}

/** The position of a key of the document's front-matter (the first line when it has none). */
export function documentPlace(lines: LineIndex, document: ParsedDocument, path: YamlPath): Place {
  return frontmatterPlace(lines, document.frontmatter, path, linePlace(lines, document.line, document.column));
}

/** The position of a key inside the task's own YAML, wherever the task is declared. */
export function taskPlace(lines: LineIndex, document: ParsedDocument, task: Task, path: YamlPath): Place {
  return sourcePlace(lines, document, task.source, path, linePlace(lines, task.line, task.column));
}

/** Like taskPlace, for one declaration of a task (a task declared in both forms has two). */
export function sourcePlace(lines: LineIndex, document: ParsedDocument, source: TaskSource, path: YamlPath, fallback: Place): Place {
  switch (source.kind) {
    case 'file':
      return frontmatterPlace(lines, source.frontmatter, path, fallback);
    case 'list':
      return frontmatterPlace(lines, document.frontmatter, ['tasks', source.index, ...path], fallback);
    case 'block':
      return blockPlace(lines, source, path, fallback);
  }
}

/** Where a declaration starts: its line, from its column to the end of the line. */
export function linePlace(lines: LineIndex, line: number, column = 1): Place {
  const length = lines.lineEnd(line) - lines.lineStart(line);
  return { line, column, end_line: line, end_column: Math.max(column, length + 1) };
}

export function placeOf(lines: LineIndex, start: number, end: number): Place {
  const from = lines.position(start);
  const to = lines.position(Math.max(start, end));
  return { line: from.line, column: from.column, end_line: to.line, end_column: to.column };
}

function valueOrKey(yaml: string, path: YamlPath): { start: number; end: number } | null {
  if (path.length === 1 && typeof path[0] === 'string') {
    const fast = fastLocate(yaml, path[0]);
    if (fast) return fast;
  }
  const location = locateKey(yaml, path);
  if (!location) return null;
  const { key, value } = location;
  if (value && (value.end > value.start || !key)) return value;
  return key ?? value;
}

function blockPlace(lines: LineIndex, source: Extract<TaskSource, { kind: 'block' }>, path: YamlPath, fallback: Place): Place {
  const span = valueOrKey(source.yaml, path);
  if (!span) return fallback;
  const yamlStarts = lineStarts(source.yaml);
  const start = blockToFile(lines.text, source, yamlStarts, span.start);
  const end = blockToFile(lines.text, source, yamlStarts, span.end);
  if (start === null || end === null) return fallback;
  return placeOf(lines, start, end);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A YAML offset mapped to the file, or null when the block's lines no longer match the file. */
function blockToFile(fileText: string, source: Extract<TaskSource, { kind: 'block' }>, yamlStarts: number[], offset: number): number | null {
  let index = yamlStarts.length - 1;
  while (index > 0 && yamlStarts[index] > offset) index--;
  const fileStart = source.content_offsets[index];
  if (fileStart === undefined) return null;
  const column = offset - yamlStarts[index];
  const yamlLine = source.yaml.slice(yamlStarts[index], yamlStarts[index] + column);
  if (fileText.slice(fileStart, fileStart + column) !== yamlLine) return null;
  return fileStart + column;
}
