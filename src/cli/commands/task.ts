// `custodian task list|show|status`.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { listOptions } from '../run/filters.js';

export function register(program: Command, ctx: CliContext): void {
  const task = program.command('task').description('list, show and set the status of tasks');
  listOptions(task.command('list'), 'tasks', 'task-list')
    .description('list tasks (every status unless --status is given)')
    .action(async (flags) => (await import('../run/task-list.js')).taskList(ctx, flags));
  task
    .command('show')
    .description('show one task with its description and acceptance criteria')
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .option('--json', 'print a task JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync')
    .action(async (id: string, flags) => (await import('../run/task-list.js')).taskShow(ctx, id, flags));
  task
    .command('status')
    .description("set a task's status in its file (in place, byte-preserving) and re-sync")
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .argument('<status>', 'todo | in_progress | blocked | done | cancelled (aliases accepted)')
    .option('--if-status <status>', 'only if the task currently has this status (a claim: exit 1 with conflict otherwise)')
    .option('--json', 'print the task as JSON')
    .action(async (id: string, status: string, flags) => (await import('../run/task-status.js')).taskStatus(ctx, id, status, flags));
}
