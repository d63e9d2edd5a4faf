// `custodian task list|show|status|claim|release|add|set`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { collect, listOptions } from '../run/filters.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('task').description('list, show, claim, release, add and edit tasks');
}

function defineList(task: Group) {
  return listOptions(task.command('list'), 'tasks', 'task-list')
    .description('list tasks (every status unless --status is given)')
    .option('--ready', 'only tasks that are ready to work on (as dispatch decides)')
    .option('--assignee <name>', 'only tasks held by this name (repeatable, or comma-separated)', collect)
    .option('--priority <priority>', 'only tasks with this priority (repeatable: critical, high, medium, low)', collect)
    .option('--fields <names>', 'with --json: also these keys of task show (description, acceptance_criteria, fields, declared_in, valid, priority_raw, end_line, description_lines; repeatable, or comma-separated)', collect);
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
    .option('--if-status <status>', 'only if the task currently has this status (exit 1 with conflict otherwise)')
    .option('--push', 'commit the file and push the branch to its upstream (a rejected push: re-decide on the remote state)')
    .option('--dry-run', 'print the edit as a diff, write nothing')
    .option('--json', 'print the task as JSON');
}

function defineClaim(task: Group) {
  return task
    .command('claim')
    .description('take a task: status in_progress and assignee NAME in one edit, only if it is ready, todo and nobody else holds it')
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .requiredOption('--as <name>', "who takes it (an agent's or a person's name)")
    .option('--push', 'commit the file and push the branch to its upstream: exclusive across machines (a lost race answers conflict/taken)')
    .option('--dry-run', 'print the edit as a diff, write nothing')
    .option('--json', 'print a claim JSON document (a refusal: conflict with reason taken | changed | not-ready)');
}

function defineRelease(task: Group) {
  return task
    .command('release')
    .description('give a task back: status todo, assignee removed')
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .option('--as <name>', 'only if this name holds it')
    .option('--push', 'commit the file and push the branch to its upstream')
    .option('--dry-run', 'print the edit as a diff, write nothing')
    .option('--json', 'print a release JSON document');
}

function defineAdd(task: Group) {
  return task
    .command('add')
    .description('append a task to a workplan (next free T<nn>, in the form the workplan uses), in place')
    .argument('<workplan>', 'workplan id, or repo:id')
    .requiredOption('--title <title>', "the task's title (its heading)")
    .option('--status <status>', 'default todo')
    .option('--priority <priority>', 'critical, high, medium or low')
    .option('--depends-on <id>', 'a task it waits for (repeatable, or comma-separated; T01 means a task of this workplan)', collect)
    .option('--assignee <name>', 'who holds it')
    .option('--needs-human', 'an agent must not take it')
    .option('--description <text>', 'its description (Markdown below the block)')
    .option('--dry-run', 'print the edit as a diff, write nothing')
    .option('--json', 'print the new task as JSON');
}

function defineSet(task: Group) {
  return task
    .command('set')
    .description("change a task's priority, title, assignee, needs_human, depends_on or any other key, in place (key= removes it)")
    .argument('<id>', 'task id, or repo:id when the id is used twice')
    .argument('[assignments...]', 'key=value pairs, e.g. priority=high needs_human=true assignee= (empty: remove)')
    .option('--add-dep <id>', 'add a dependency (repeatable; refused if unknown or if it would close a cycle)', collect)
    .option('--remove-dep <id>', 'remove a dependency (repeatable)', collect)
    .option('--push', 'commit the file and push the branch to its upstream')
    .option('--dry-run', 'print the edit as a diff, write nothing')
    .option('--json', 'print the task as JSON');
}

export type TaskListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type TaskShowFlags = OptionsOf<ReturnType<typeof defineShow>>;
export type TaskStatusFlags = OptionsOf<ReturnType<typeof defineStatus>>;
export type TaskClaimFlags = OptionsOf<ReturnType<typeof defineClaim>>;
export type TaskReleaseFlags = OptionsOf<ReturnType<typeof defineRelease>>;
export type TaskAddFlags = OptionsOf<ReturnType<typeof defineAdd>>;
export type TaskSetFlags = OptionsOf<ReturnType<typeof defineSet>>;

export function register(program: Program, ctx: CliContext): void {
  const task = group(program);
  defineList(task).action(async (flags) => (await import('../run/task-list.js')).taskList(ctx, flags));
  defineShow(task).action(async (id, flags) => (await import('../run/task-list.js')).taskShow(ctx, id, flags));
  defineStatus(task).action(async (id, status, flags) => (await import('../run/task-status.js')).taskStatus(ctx, id, status, flags));
  defineClaim(task).action(async (id, flags) => (await import('../run/task-claim.js')).taskClaim(ctx, 'claim', id, flags));
  defineRelease(task).action(async (id, flags) => (await import('../run/task-claim.js')).taskClaim(ctx, 'release', id, flags));
  defineAdd(task).action(async (workplan, flags) => (await import('../run/task-edit.js')).taskAdd(ctx, workplan, flags));
  defineSet(task).action(async (id, assignments, flags) => (await import('../run/task-edit.js')).taskSet(ctx, id, assignments, flags));
}
