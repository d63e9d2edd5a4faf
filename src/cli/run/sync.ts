// `sync [--full] [--json] [--watch]`: the report as JSON, or its diagnostics with a summary on
// stderr; with --watch, then one line (NDJSON with --json) per changed file until interrupted.
import { sync as syncIndex } from '../../api/sync.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { syncChangeLine, syncReportText, syncSummary } from '../format/sync-report.js';
import { writeHuman, writeJson, writeMessage } from '../output.js';
import { stdout } from '../stdout.js';

import type { SyncFlags } from '../commands/sync.js';

export async function sync(ctx: CliContext, flags: SyncFlags): Promise<void> {
  const options = apiOptions(ctx);
  const report = await syncIndex({ ...options, full: flags.full === true });
  if (!flags.watch) {
    if (flags.json) writeJson(report);
    else {
      writeHuman(report, (shown) => syncReportText(shown));
      process.stderr.write(`${syncSummary(report)}\n`);
    }
    return;
  }
  if (!flags.json) process.stderr.write(`${syncSummary(report)}\n`);
  const { watch } = await import('../../api/watch.js');
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await watch({
    ...options,
    signal: stop.signal,
    onChange: (change) => (flags.json ? stdout.write(`${JSON.stringify(change)}\n`) : writeHuman(change, (shown) => [syncChangeLine(shown)])),
    onReady: ({ repos }) => process.stderr.write(`watching ${repos} repos for changes (Ctrl-C to stop)\n`),
    onError: (error) => writeMessage(`custodian: sync failed: ${error.message}`),
    onNotice: (message) => writeMessage(`custodian: ${message}`),
  });
}
