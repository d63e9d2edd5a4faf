// The edits that set a task's status wherever it is declared: its block, its front-matter list
// item, its task file; both declarations of a task a workplan declares in both forms. A missing
// `status:` key is inserted after `id`. Nothing else changes.
import type { ParsedDocument, ParseResult, Task, TaskStatus, TextEdit } from '../documents/model.js';
import { CustodianError } from '../errors.js';
import { setTaskField } from './region.js';

export interface LocatedTask {
  document: ParsedDocument;
  task: Task;
}

/** The one declaration of `id` in a parsed file; none or several means the file changed under us. */
export function locateTask(parsed: ParseResult, id: string): LocatedTask {
  const found: LocatedTask[] = [];
  for (const document of parsed.documents) for (const task of document.tasks) if (task.id === id) found.push({ document, task });
  if (found.length !== 1) {
    throw new CustodianError('conflict', `${parsed.file}: task ${id} is ${found.length === 0 ? 'no longer' : 'now declared twice'} in the file; retry the command`, {
      details: { file: parsed.file, reason: found.length === 0 ? 'task-missing' : 'task-duplicated' },
    });
  }
  return found[0];
}

export function statusEdits(text: string, { document, task }: LocatedTask, status: TaskStatus): TextEdit[] {
  const edits = setTaskField(text, task.source, document.frontmatter, 'status', status, { after: 'id' });
  if (task.mirror) edits.push(...setTaskField(text, task.mirror.source, document.frontmatter, 'status', status, { after: 'id' }));
  return edits;
}

/** Null when the re-parsed file says what the edit meant: the task (and its twin) now has `status`. */
export function confirmStatus(parsed: ParseResult, id: string, status: TaskStatus): string | null {
  const matches = parsed.documents.flatMap((d) => d.tasks).filter((t) => t.id === id);
  if (matches.length !== 1) return `task ${id} would not be declared exactly once after the edit`;
  const [task] = matches;
  if (task.status_raw !== status) return `task ${id} would read status ${JSON.stringify(task.status_raw)} after the edit`;
  if (task.mirror && task.mirror.status_raw !== status) return `the front-matter list item of ${id} would read status ${JSON.stringify(task.mirror.status_raw)}`;
  return null;
}
