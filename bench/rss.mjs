// Runs the CLI in this process and prints its peak resident memory to stderr on exit.
// The bundle, as bin/custodian.js runs it: the rows measured with peak memory time what users run.
import { main } from '../dist/bundle/main.mjs';

process.on('exit', () => {
  process.stderr.write(`peak_rss_mib=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
process.argv.splice(1, 1);
process.exitCode = await main(process.argv);
