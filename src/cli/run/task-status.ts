// `task status <id> <status> [--if-status S]`: the edited task as JSON, the diff (--dry-run), or one line.
import { taskStatus as setTaskStatus } from '../../api/task-status.js';
import { apiOptions } from '../api-options.js';
import type { TaskStatusFlags } from '../commands/task.js';
import type { CliContext } from '../context.js';
import { taskStatusLine } from '../format/task.js';
import { writeDiff, writeHuman, writeJson } from '../output.js';

export async function taskStatus(ctx: CliContext, ref: string, status: string, flags: TaskStatusFlags): Promise<void> {
  const doc = await setTaskStatus({ ...apiOptions(ctx), id: ref, status, ifStatus: flags.ifStatus, push: flags.push, dryRun: flags.dryRun });
  if (flags.json) writeJson(doc);
  else if (flags.dryRun) writeDiff(doc.diff);
  else writeHuman(doc, (shown) => [taskStatusLine(shown)]);
}
