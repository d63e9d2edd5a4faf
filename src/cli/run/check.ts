// `custodian check`: the api's check run reported in the chosen format (stylish, json, github,
// sarif), with what --fix did; exit 0 (clean), 1 (errors, or warnings past --max-warnings) or 2.
// The check's engine and formatters load only once the run has started its git processes
// (api/check.ts), so this module imports neither.
import { checkRun } from '../../api/check.js';
import { FORMAT_NAMES, countDiagnostics, isFormatName, summaryLine } from '../../check/formatters/types.js';
import { usageError } from '../../errors.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { colors, writeDiff, writeJson, writeMessage } from '../output.js';
import { stdout } from '../stdout.js';
import { inertLines } from '../../visible.js';

import type { CheckFlags } from '../commands/check.js';

export async function check(ctx: CliContext, paths: string[], flags: CheckFlags): Promise<void> {
  const format = flags.json ? 'json' : (flags.format ?? 'stylish');
  if (!isFormatName(format)) throw usageError(`unknown format \`${format}\`: expected one of ${FORMAT_NAMES.join(', ')}`);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const outcome = await checkRun({
    ...apiOptions(ctx),
    sync: flags.sync !== false,
    paths,
    repos: flags.repo,
    staged: flags.staged === true,
    fix: flags.fix === true,
    dryRun: flags.dryRun === true,
  });
  const { input, fix } = outcome;
  if (outcome.skipped_paths.length > 0) {
    const repos = outcome.repos.length === 1 ? `repo ${outcome.repos[0]}` : 'any repo';
    writeMessage(`custodian: note: not a planning file of ${repos} (include globs), skipped: ${outcome.skipped_paths.join(', ')}`);
  }
  if (fix) {
    for (const reason of fix.not_fixed) writeMessage(`custodian: warning: not fixed: ${reason}`);
    const count = `${fix.changed.length} file${fix.changed.length === 1 ? '' : 's'}`;
    if (fix.dry_run) {
      writeDiff(fix.changed.map((f) => f.diff).join(''));
      process.stderr.write(`custodian: --dry-run: would fix ${count}; nothing was written\n`);
    } else if (fix.changed.length > 0) {
      writeMessage(`custodian: fixed ${count}: ${fix.changed.map((f) => f.path).join(', ')}`);
    }
  }
  if (fix?.dry_run) process.stderr.write(`after fixing: ${summaryLine(input)}\n`);
  else if (format === 'json') writeJson(outcome.report);
  else {
    const { FORMATTERS } = await import('../../check/formatters/index.js');
    const output = FORMATTERS[format]({ ...input, paint: format === 'stylish' ? colors() : undefined });
    // The stylish formatter shows text visibly itself; its lines, unlike github's, are never commands.
    stdout.write(format === 'stylish' ? inertLines(output.stdout) : output.stdout);
    process.stderr.write(output.stderr);
  }
  const counts = countDiagnostics(input.diagnostics);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) process.stderr.write(`custodian: ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  ctx.exitCode = counts.errors > 0 || tooManyWarnings ? 1 : 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--max-warnings expects a whole number ≥ 0, got \`${value}\``);
  return Number(value);
}
