// `custodian parse FILE… [--json]`: what the parser makes of files, without the index.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('parse')
    .description('show what the parser makes of files (no index); exit 1 when any diagnostic is an error')
    .argument('<files...>', 'Markdown files to parse')
    .option('--json', 'print a parse-report JSON document')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { parseFiles } = await import('../run/parse-files.js');
      const { parseReportJson, parseReportText } = await import('../format/parse-report.js');
      const { writeJson, writeLines } = await import('../output.js');
      const results = await parseFiles(files);
      if (options.json) writeJson(parseReportJson(results));
      else writeLines(parseReportText(results));
      ctx.exitCode = results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
    });
}
