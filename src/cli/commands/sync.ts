// `custodian sync [--full] [--json] [--watch]`: bring the index up to date with the files.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SyncFlags } from '../run/sync.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description('bring the index up to date with the files (incremental unless --full)')
    .option('--full', 'rebuild the whole index from the files')
    .option('--json', 'print a sync-report JSON document (with --watch: one NDJSON line per change)')
    .option('--watch', 'keep the index current, syncing on every change until interrupted')
    .action(async (flags: SyncFlags) => (await import('../run/sync.js')).sync(ctx, flags));
}
