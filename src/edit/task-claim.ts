// The edits of a claim and of a release, in every declaration of the task: status and assignee
// together, as one edit.
import type { TextEdit } from '../documents/model.js';
import { removeKey, setKey, taskEditSteps } from './task-steps.js';

/** `status: in_progress` and `assignee: NAME` (inserted after `status`, which goes after `id`). */
export function claimEdits(file: string, text: string, id: string, name: string): Promise<TextEdit[]> {
  return taskEditSteps(file, text, id, [setKey('status', 'in_progress', 'id'), setKey('assignee', name, 'status')]);
}

/** `status: todo` and no `assignee`. */
export function releaseEdits(file: string, text: string, id: string): Promise<TextEdit[]> {
  return taskEditSteps(file, text, id, [setKey('status', 'todo', 'id'), removeKey('assignee')]);
}
