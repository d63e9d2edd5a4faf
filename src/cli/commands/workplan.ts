// `custodian workplan list|show`.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { listOptions } from '../run/filters.js';

type Group = ReturnType<typeof group>;

function group(program: Program) {
  return program.command('workplan').description('list and show workplans');
}

function defineList(workplan: Group) {
  return listOptions(workplan.command('list'), 'workplans', 'workplan-list').description('list workplans with their task counts');
}

function defineShow(workplan: Group) {
  return workplan
    .command('show')
    .description('show one workplan and its tasks')
    .argument('<id>', 'workplan id, or repo:id when the id is used twice')
    .option('--json', 'print a workplan JSON document')
    .option('--no-sync', 'answer from the index as it is, without the incremental sync');
}

export type WorkplanListFlags = OptionsOf<ReturnType<typeof defineList>>;
export type WorkplanShowFlags = OptionsOf<ReturnType<typeof defineShow>>;

export function register(program: Program, ctx: CliContext): void {
  const workplan = group(program);
  defineList(workplan).action(async (flags) => (await import('../run/workplan-list.js')).workplanList(ctx, flags));
  defineShow(workplan).action(async (id, flags) => (await import('../run/workplan-list.js')).workplanShow(ctx, id, flags));
}
