// `check`: `custodian check [--repo SLUG] --format json`, with the counts whole and the first
// `limit` diagnostics (the report's order: by repo, file and position).
import { z } from 'zod';
import { fitDocument } from '../bounds.js';
import { limitArg, repoArg } from '../schema.js';
import { defineTool } from '../tool.js';

export const checkTool = defineTool({
  name: 'check',
  description: 'The consistency check: error, warning and fixable counts and the first problems (file, line, rule id, message).',
  input: z.strictObject({
    repo: repoArg.optional().describe('only this repo'),
    limit: limitArg(100, 20),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(args, at) {
    const { check: runCheck } = await import('../../api/check.js');
    const report = await runCheck({ ...at, repos: args.repo === undefined ? undefined : [args.repo] });
    const total = report.diagnostics.length;
    const shown = { ...report, diagnostics: report.diagnostics.slice(0, args.limit), truncated: total > args.limit };
    return fitDocument(shown, [['diagnostics']], `${total} diagnostics in all; \`custodian check\` in a shell lists every one.`);
  },
});
