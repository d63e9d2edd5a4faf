// `task list` and `task show`: flags to api options, the document as JSON or as lines.
import { taskList as listTasks, taskShow as showTask } from '../../api/tasks.js';
import { apiOptions } from '../api-options.js';
import type { TaskListFlags, TaskShowFlags } from '../commands/task.js';
import type { CliContext } from '../context.js';
import { taskListLines, taskShowLines } from '../format/task.js';
import { colors, writeHuman, writeJson } from '../output.js';
import { listFilters } from './filters.js';

export async function taskList(ctx: CliContext, flags: TaskListFlags): Promise<void> {
  const doc = await listTasks({ ...apiOptions(ctx), sync: flags.sync, ...listFilters(flags), ready: flags.ready, assignees: flags.assignee, priorities: flags.priority });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => taskListLines(shown, colors()));
}

export async function taskShow(ctx: CliContext, ref: string, flags: TaskShowFlags): Promise<void> {
  const doc = await showTask({ ...apiOptions(ctx), sync: flags.sync, id: ref });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => taskShowLines(shown, colors()));
}
