// `report`: the report document as an HTML page (--html), as JSON (--json) or as a short summary,
// to stdout or atomically to --out.
import { report } from '../../api/report.js';
import { usageError } from '../../errors.js';
import type { ReportDocument } from '../../report/model.js';
import { apiOptions } from '../api-options.js';
import type { ReportFlags } from '../commands/report.js';
import type { CliContext } from '../context.js';
import { parseLimit } from './dispatch.js';


export async function reportCommand(ctx: CliContext, flags: ReportFlags): Promise<void> {
  if (flags.html && flags.json) throw usageError('choose one of --html and --json');
  const doc = await report({ ...apiOptions(ctx), sync: flags.sync, limit: parseLimit(flags.limit) });
  let text: string;
  if (flags.html) text = (await import('../../report/render.js')).renderReportHtml(doc);
  else if (flags.json) text = `${JSON.stringify(doc, null, 2)}\n`;
  else text = `${summary(doc).join('\n')}\n`;
  if (flags.out === undefined) {
    process.stdout.write(text);
    return;
  }
  const { writeFileAtomic } = await import('../../edit/atomic-write.js');
  const { resolve } = await import('node:path');
  await writeFileAtomic(resolve(flags.out), text);
  process.stderr.write(`custodian: wrote ${flags.out} (${Buffer.byteLength(text)} bytes): ${summary(doc)[0]}\n`);
}

/** The headline figures, then where to look next. */
function summary(doc: ReportDocument): string[] {
  const total = (key: 'ready' | 'blocked' | 'human') => doc.repos.reduce((n, r) => n + r.counts[key], 0);
  const published = doc.interface_changes.filter((c) => c.status === 'published').length;
  const repos = `${doc.repos.length} repo${doc.repos.length === 1 ? '' : 's'} in ${doc.domains.length} domain${doc.domains.length === 1 ? '' : 's'}`;
  return [
    `${repos}: ${total('ready')} ready, ${total('blocked')} blocked, ${total('human')} for a human, ${doc.repos.reduce((n, r) => n + r.counts.workstreams, 0)} active workstreams, ${published} interface changes published`,
    'custodian report --html --out report.html writes the dashboard',
  ];
}
