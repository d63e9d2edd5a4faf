// `report`: the report document as an HTML page (--html), as JSON (--json) or as a short summary,
// to stdout or atomically to --out.
import { report } from '../../api/report.js';
import { usageError } from '../../errors.js';
import type { ReportDocument } from '../../report/model.js';
import { apiOptions } from '../api-options.js';
import type { ReportFlags } from '../commands/report.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../output.js';
import { parseLimit } from './dispatch.js';

export async function reportCommand(ctx: CliContext, flags: ReportFlags): Promise<void> {
  if (flags.html && flags.json) throw usageError('choose one of --html and --json');
  const doc = await report({ ...apiOptions(ctx), sync: flags.sync, limit: parseLimit(flags.limit) });
  let text: string;
  if (flags.html) text = (await import('../../report/render.js')).renderReportHtml(doc);
  else if (flags.json) text = `${JSON.stringify(doc, null, 2)}\n`;
  else text = `${summary(doc).join('\n')}\n`;
  await writeOutput(text, flags.out, (bytes) => ` (${bytes} bytes): ${summary(doc)[0]}`);
}

/** The headline figures, then where to look next. */
function summary(doc: ReportDocument): string[] {
  const total = (key: 'ready' | 'blocked' | 'human') => doc.repos.reduce((n, r) => n + r.counts[key], 0);
  const published = doc.interface_changes.filter((c) => c.status === 'published').length;
  const workstreams = doc.repos.reduce((n, r) => n + r.counts.workstreams, 0);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `${count(doc.repos.length, 'repo', 'repos')} in ${count(doc.domains.length, 'domain', 'domains')}: ${total('ready')} ready, ${total('blocked')} blocked, ` +
      `${total('human')} for a human, ${count(workstreams, 'active workstream', 'active workstreams')}, ${count(published, 'interface change', 'interface changes')} published`,
    'custodian report --html --out report.html writes the dashboard',
  ];
}
