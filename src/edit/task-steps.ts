// Several changes to one task as one edit: each step is computed on the text the previous one
// produced (re-parsed), because two keys inserted at one point would have no defined order; the
// result is handed back as one replacement of the original text. Steps see every declaration of
// the task (its block and its front-matter list item when a workplan declares it both ways).
import type { ParsedDocument, ParseResult, Task, TaskSource, TextEdit } from '../documents/model.js';
import { parseFile } from '../documents/parse.js';
import { qualifyTaskId } from '../documents/fields.js';
import { CustodianError } from '../errors.js';
import { applyEdits, replacementEdits } from './apply-edits.js';
import { setTaskField } from './region.js';
import { addTaskDependency, deleteTaskField, removeTaskDependency } from './task-fields.js';
import type { ScalarValue } from './yaml/scalar-render.js';

export type TaskStep = (text: string, document: ParsedDocument, task: Task) => TextEdit[];

export async function taskEditSteps(file: string, text: string, id: string, steps: readonly TaskStep[]): Promise<TextEdit[]> {
  let current = text;
  for (const step of steps) {
    const { document, task } = onlyTask(await parseFile(file, current), id);
    current = applyEdits(current, step(current, document, task)).text;
  }
  return replacementEdits(text, current);
}

/** The step applied to the task's block or item, and to its twin when it has one. */
export function everyDeclaration(edit: (text: string, source: TaskSource, document: ParsedDocument, fields: Record<string, unknown>) => TextEdit[]): TaskStep {
  return (text, document, task) => [
    ...edit(text, task.source, document, task.fields),
    ...(task.mirror ? edit(text, task.mirror.source, document, task.mirror.fields) : []),
  ];
}

/** Sets a key (inserted after `after` when the task has none). */
export const setKey = (key: string, value: ScalarValue, after?: string): TaskStep =>
  everyDeclaration((text, source, document) => setTaskField(text, source, document.frontmatter, key, value, after === undefined ? {} : { after }));

export const removeKey = (key: string): TaskStep => everyDeclaration((text, source, document) => deleteTaskField(text, source, document.frontmatter, key));

export const addDependency = (id: string): TaskStep =>
  everyDeclaration((text, source, document, fields) => addTaskDependency(text, source, document.frontmatter, fields.depends_on, id));

/** Removes the dependency however it is written: `T01` and `<workplan id>-T01` are one id. */
export const removeDependency = (id: string): TaskStep => (text, document, task) => {
  const qualify = (written: string) => qualifyTaskId(written, task.workplan_id).id ?? written;
  const same = (written: string) => qualify(written) === qualify(id);
  return everyDeclaration((t, source, d, fields) => removeTaskDependency(t, source, d.frontmatter, fields.depends_on, id, same))(text, document, task);
};

function onlyTask(parsed: ParseResult, id: string): { document: ParsedDocument; task: Task } {
  for (const document of parsed.documents) for (const task of document.tasks) if (task.id === id) return { document, task };
  throw new CustodianError('internal', `${parsed.file}: task ${id} disappeared during the edit`);
}
