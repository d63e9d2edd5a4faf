// `task list` and `task show`: flags to api options, the document as JSON or as lines.
import { eachTaskListItem, taskList as listTasks, taskShow as showTask } from '../../api/tasks.js';
import { apiOptions } from '../api-options.js';
import type { TaskListFlags, TaskShowFlags } from '../commands/task.js';
import type { CliContext } from '../context.js';
import { taskListLines, taskShowLines } from '../format/task.js';
import { colors, writeHuman, writeJson, writeJsonItems } from '../output.js';
import { listFilters } from './filters.js';

export async function taskList(ctx: CliContext, flags: TaskListFlags): Promise<void> {
  const options = { ...apiOptions(ctx), sync: flags.sync, ...listFilters(flags), ready: flags.ready, assignees: flags.assignee, priorities: flags.priority, fields: flags.fields };
  // JSON is streamed: a list of every task of a large workspace is written as the index yields it.
  if (flags.json) await eachTaskListItem(options, (head, items) => writeJsonItems(head, 'items', items));
  else writeHuman(await listTasks(options), (shown) => taskListLines(shown, colors()));
}

export async function taskShow(ctx: CliContext, ref: string, flags: TaskShowFlags): Promise<void> {
  const doc = await showTask({ ...apiOptions(ctx), sync: flags.sync, id: ref });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => taskShowLines(shown, colors()));
}
