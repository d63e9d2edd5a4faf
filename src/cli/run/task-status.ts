// `task status <id> <status> [--if-status S]`: the edited task as JSON, or one line.
import { taskStatus as setTaskStatus } from '../../api/task-status.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { taskStatusLine } from '../format/task.js';
import { writeHuman, writeJson } from '../output.js';

import type { TaskStatusFlags } from '../commands/task.js';

export async function taskStatus(ctx: CliContext, ref: string, status: string, flags: TaskStatusFlags): Promise<void> {
  const doc = await setTaskStatus({ ...apiOptions(ctx), id: ref, status, ifStatus: flags.ifStatus });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => [taskStatusLine(shown)]);
}
