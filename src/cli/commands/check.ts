// `custodian check [PATH…]`: the consistency gate for hooks and CI.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';
import { collect } from '../run/filters.js';

function define(program: Program) {
  return program
    .command('check')
    .description('the consistency gate: run the rules, report (stylish, json, github, sarif), fix; exit 1 on errors')
    .argument('[paths...]', 'files or folders to report on, relative to the current directory (default: every planning file)')
    .option('--repo <slug>', 'only this repo (repeatable, or comma-separated)', collect)
    .option('--staged', 'check the staged versions of the staged files of the current git repository (pre-commit)')
    .option('--fix', 'apply the safe fixes in place (atomically; a file that changed since it was read is left alone)')
    .option('--dry-run', 'with --fix: print the unified diff the fixes would make, change nothing')
    .option('--format <name>', 'stylish | json | github | sarif', 'stylish')
    .option('--json', 'same as --format json')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--no-sync', 'see the rest of the workspace through the index as it is, without the incremental sync');
}

export type CheckFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (paths, flags) => (await import('../run/check.js')).check(ctx, paths, flags));
}
