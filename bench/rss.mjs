// Runs the CLI in this process and prints its peak resident memory to stderr on exit.
// The bundle, as bin/custodian.js runs it: the rows measured with peak memory time what users run.
import { readFileSync } from 'node:fs';
import { main } from '../dist/bundle/main.mjs';

/**
 * This process's own peak. On Linux, getrusage's ru_maxrss survives exec: a process started by a
 * large one (the bench runner, ~100 MiB by the later suites) would report its parent's size from
 * the fork whenever its own peak is smaller. /proc's VmHWM belongs to this process's memory alone.
 */
function peakMib() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: getrusage is all there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on('exit', () => {
  process.stderr.write(`peak_rss_mib=${peakMib().toFixed(1)}\n`);
});
process.argv.splice(1, 1);
process.exitCode = await main(process.argv);
