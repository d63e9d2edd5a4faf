// Edits of a task's keys beyond setting a scalar (src/edit/region.ts): removing a key, adding and
// removing a dependency, wherever the task is declared (block, front-matter list item, task file).
import type { Region, TaskSource, TextEdit } from '../documents/model.js';
import { idList } from '../documents/fields.js';
import { blockEditsToFile, shiftEdits, taskYamlTarget, type YamlRegionTarget } from './region.js';
import { dominantEol } from './text-file.js';
import { yamlAppendItem } from './yaml/append-item.js';
import { yamlDeleteKey, yamlRemoveItem, yamlScalarToList } from './yaml/remove.js';

/** Runs a YAML edit on the target's YAML and maps its edits to the file. */
function inTarget(fileText: string, target: YamlRegionTarget, edit: (yaml: string) => TextEdit[]): TextEdit[] {
  if (target.kind === 'frontmatter') {
    return shiftEdits(edit(fileText.slice(target.region.start, target.region.end)), target.region.start);
  }
  return blockEditsToFile(fileText, target, edit(target.yaml));
}

/** Edits that remove one key of a task (none when the task has no such key). */
export function deleteTaskField(fileText: string, source: TaskSource, frontmatter: Region | null, key: string): TextEdit[] {
  const { target, path } = taskYamlTarget(source, frontmatter);
  return inTarget(fileText, target, (yaml) => yamlDeleteKey(yaml, [...path, key]));
}

/**
 * Edits that add `dependency` to the task's `depends_on` (none when it is there already): one
 * more item in a list, a new `depends_on:` list, or a list in place of a one-id string.
 */
export function addTaskDependency(fileText: string, source: TaskSource, frontmatter: Region | null, current: unknown, dependency: string): TextEdit[] {
  const ids = idList(current);
  if (ids.includes(dependency)) return [];
  const { target, path } = taskYamlTarget(source, frontmatter);
  const key = [...path, 'depends_on'];
  if (typeof current === 'string' || typeof current === 'number') {
    return inTarget(fileText, target, (yaml) => yamlScalarToList(yaml, key, [...ids, dependency]));
  }
  return inTarget(fileText, target, (yaml) => yamlAppendItem(yaml, key, dependency, { eol: dominantEol(fileText) }));
}

/**
 * Edits that remove `dependency` from the task's `depends_on` (none when it is not there).
 * `same` says whether an id as written names it (`T01` and `WP-1-T01` in workplan WP-1).
 */
export function removeTaskDependency(
  fileText: string,
  source: TaskSource,
  frontmatter: Region | null,
  current: unknown,
  dependency: string,
  same: (written: string) => boolean = (written) => written === dependency,
): TextEdit[] {
  const ids = idList(current);
  if (!ids.some(same)) return [];
  const { target, path } = taskYamlTarget(source, frontmatter);
  const key = [...path, 'depends_on'];
  if (Array.isArray(current)) {
    const index = current.findIndex((item) => same(idList(item)[0] ?? ''));
    return inTarget(fileText, target, (yaml) => yamlRemoveItem(yaml, key, index));
  }
  const rest = ids.filter((id) => !same(id));
  if (rest.length === 0) return deleteTaskField(fileText, source, frontmatter, 'depends_on');
  return inTarget(fileText, target, (yaml) => yamlScalarToList(yaml, key, rest));
}
