// `custodian task list|show|status`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { listOptions } from '../run/filters.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('task').description('list, show and set the status of tasks');
}

function defineList(task: Group) {
  return listOptions(task.command('list'), 'tasks', 'task-list').description('list tasks (every status unless --status is given)');
}

function defineShow(task: Group) {
  return task
    .command('show')
    .description('show one task with its description and acceptance criteria')
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .option('--json', 'print a task JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

function defineStatus(task: Group) {
  return task
    .command('status')
    .description("set a task's status in its file (in place, byte-preserving) and re-sync")
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .argument('<status>', 'todo | in_progress | blocked | done | cancelled (aliases accepted)')
    .option('--if-status <status>', 'only if the task currently has this status (a claim: exit 1 with conflict otherwise)')
    .option('--json', 'print the task as JSON');
}

export type TaskListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type TaskShowFlags = OptionsOf<ReturnType<typeof defineShow>>;
export type TaskStatusFlags = OptionsOf<ReturnType<typeof defineStatus>>;

export function register(program: Program, ctx: CliContext): void {
  const task = group(program);
  defineList(task).action(async (flags) => (await import('../run/task-list.js')).taskList(ctx, flags));
  defineShow(task).action(async (id, flags) => (await import('../run/task-list.js')).taskShow(ctx, id, flags));
  defineStatus(task).action(async (id, status, flags) => (await import('../run/task-status.js')).taskStatus(ctx, id, status, flags));
}
