// `custodian sync [--full] [--json] [--watch]`: bring the index up to date with the files.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

interface SyncFlags {
  full?: boolean;
  json?: boolean;
  watch?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description('bring the index up to date with the files (incremental unless --full)')
    .option('--full', 'rebuild the whole index from the files')
    .option('--json', 'print a sync-report JSON document (with --watch: one NDJSON line per change)')
    .option('--watch', 'keep the index current, syncing on every change until interrupted')
    .action(async (flags: SyncFlags) => {
      const { loadWorkspace } = await import('../run/workspace.js');
      const { syncWorkspace } = await import('../../index/sync.js');
      const { syncReport, syncReportText, syncSummary } = await import('../format/sync-report.js');
      const { writeJson, writeLines } = await import('../output.js');
      const ws = await loadWorkspace(ctx);
      const outcome = await syncWorkspace(ws, { full: flags.full });
      for (const slug of outcome.unreachable) process.stderr.write(`custodian: warning: repo ${slug}: checkout not found on this host\n`);
      const report = syncReport(ws, outcome, flags.full === true);
      if (flags.watch) {
        const { watchWorkspace } = await import('../run/watch.js');
        if (!flags.json) process.stderr.write(`${syncSummary(report)}\n`);
        outcome.db.close();
        await watchWorkspace(ws, {
          json: flags.json === true,
          onReady: () => process.stderr.write(`watching ${ws.repos.length} repos for changes (Ctrl-C to stop)\n`),
        });
        return;
      }
      if (flags.json) writeJson(report);
      else {
        writeLines(syncReportText(report));
        process.stderr.write(`${syncSummary(report)}\n`);
      }
      outcome.db.close();
    });
}
