// `custodian sync [--full] [--json] [--watch]`: bring the index up to date with the files.
import type { CliContext } from '../context.js';
import type { OptionsOf, Program } from '../program.js';

function define(program: Program) {
  return program
    .command('sync')
    .description('bring the index up to date with the files (incremental unless --full)')
    .option('--full', 'rebuild the whole index from the files')
    .option('--json', 'print a sync-report JSON document (with --watch: one NDJSON line per change)')
    .option('--watch', 'keep the index current, syncing on every change until interrupted');
}

export type SyncFlags = OptionsOf<ReturnType<typeof define>>;

export function register(program: Program, ctx: CliContext): void {
  define(program).action(async (flags) => (await import('../run/sync.js')).sync(ctx, flags));
}
