// `workplan list` and `workplan show`: flags to api options, the document as JSON or as lines.
import { workplanList as listWorkplans, workplanShow as showWorkplan } from '../../api/workplans.js';
import { apiOptions } from '../api-options.js';
import type { WorkplanListFlags, WorkplanShowFlags } from '../commands/workplan.js';
import type { CliContext } from '../context.js';
import { workplanListLines, workplanShowLines } from '../format/workplan.js';
import { colors, writeHuman, writeJson } from '../output.js';
import { listFilters } from './filters.js';

export async function workplanList(ctx: CliContext, flags: WorkplanListFlags): Promise<void> {
  const doc = await listWorkplans({ ...apiOptions(ctx), sync: flags.sync, ...listFilters(flags) });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => workplanListLines(shown, colors()));
}

export async function workplanShow(ctx: CliContext, ref: string, flags: WorkplanShowFlags): Promise<void> {
  const doc = await showWorkplan({ ...apiOptions(ctx), sync: flags.sync, id: ref });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => workplanShowLines(shown, colors()));
}
