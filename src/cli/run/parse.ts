// `parse FILE… [--json]`: the parse report as JSON or as lines; exit 1 when any diagnostic is an error.
import { parse } from '../../api/parse.js';
import type { ParseFlags } from '../commands/parse.js';
import type { CliContext } from '../context.js';
import { parseReportText } from '../format/parse-report.js';
import { writeHuman, writeJson } from '../output.js';

export async function parseFiles(ctx: CliContext, files: string[], flags: ParseFlags): Promise<void> {
  const report = await parse({ cwd: process.cwd(), files });
  if (flags.json) writeJson(report);
  else writeHuman(report, parseReportText);
  ctx.exitCode = report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
