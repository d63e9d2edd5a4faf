// `task add` and `task set`: flags to api options; the task as JSON, the diff (--dry-run), or one line.
import { taskAdd as addTask } from '../../api/task-add.js';
import { taskSet as setTask } from '../../api/task-set.js';
import { apiOptions } from '../api-options.js';
import type { TaskAddFlags, TaskSetFlags } from '../commands/task.js';
import type { CliContext } from '../context.js';
import { writeDiff, writeHuman, writeJson } from '../output.js';

export async function taskAdd(ctx: CliContext, workplan: string, flags: TaskAddFlags): Promise<void> {
  const doc = await addTask({ ...apiOptions(ctx), workplan, ...flags });
  if (flags.json) writeJson(doc);
  else if (flags.dryRun) writeDiff(doc.diff);
  else writeHuman(doc.task, (task) => [`added ${task.id}: ${task.title}  (${task.repo_slug}/${task.file}${'line' in task ? `:${task.line}` : ''})`]);
}

export async function taskSet(ctx: CliContext, id: string, assignments: string[], flags: TaskSetFlags): Promise<void> {
  const doc = await setTask({ ...apiOptions(ctx), id, assignments, addDeps: flags.addDep, removeDeps: flags.removeDep, push: flags.push, dryRun: flags.dryRun });
  if (flags.json) writeJson(doc);
  else if (flags.dryRun) writeDiff(doc.diff);
  else writeHuman(doc.task, (task) => [`${task.repo_slug}:${task.id}: ${doc.changed ? 'updated' : 'already so, file unchanged'}  (${task.repo_slug}/${task.file}:${task.line})`]);
}
